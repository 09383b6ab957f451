// @vitest-environment happy-dom
// The follow buttons under a story: a story the store withdrew is not offered to follow (it will
// not change again), its topic still is, and a reader who follows it can still unfollow it.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { FollowButtons } from '../../components/FollowButtons.tsx';
import type { Story } from '../../lib/story/story.ts';
import { followsItem, getFollows } from '../../platform/storage.ts';
import { renderRoot } from './render-root.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const root = renderRoot();
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const buttons = async (withdrawn: boolean) => {
  await act(() => render(<FollowButtons story={seed} topicNames={{ ai: 'AI' }} withdrawn={withdrawn} />, root()));
  await settle();
  return [...root().querySelectorAll('button')];
};

describe('the follow buttons', () => {
  it('offer the topic and the story', async () => {
    expect((await buttons(false)).map((b) => b.textContent)).toEqual(['Follow AI', 'Follow this story']);
  });

  it('offer only the topic for a withdrawn story', async () => {
    expect((await buttons(true)).map((b) => b.textContent)).toEqual(['Follow AI']);
  });

  it('let a reader who follows a withdrawn story unfollow it', async () => {
    await followsItem.setValue({ topics: [], stories: [seed.id] });
    const [, story] = await buttons(true);
    expect(story!.textContent).toBe('✓ Following this story');
    await act(() => story!.click());
    await settle();
    expect((await getFollows()).stories).toEqual([]);
    // Once unfollowed, it is not offered again.
    expect([...root().querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Follow AI']);
  });
});
