// @vitest-environment happy-dom
// The follow list in the settings when the store moves on: a followed topic with no story left
// (removed, or renamed) and a followed story Factlen withdrew are listed, and can be unfollowed.
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AlertsSection } from '../../entrypoints/options/AlertsSection.tsx';
import type { Story } from '../../lib/story/story.ts';
import { followsItem, getFollows } from '../../platform/storage.ts';
import { renderRoot } from './render-root.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const root = renderRoot();
const settle = () => act(() => new Promise((r) => setTimeout(r, 0)));
const text = () => root().textContent!.replace(/\s+/g, ' ');

beforeEach(async () => {
  fakeBrowser.runtime.onMessage.addListener(((msg: { type: string; id?: string }, _sender: unknown, reply: (r: unknown) => void) => {
    if (msg.type === 'listTopics') reply({ ok: true, value: [{ id: 'ai', name: 'AI', stories: 2 }] });
    else if (msg.type === 'getStory') reply({ ok: true, value: msg.id === seed.id ? seed : null });
    return true;
  }) as never);
  await followsItem.setValue({ topics: ['ai', 'city-budgets'], stories: [seed.id, 'withdrawn-story'] });
  await act(() => render(<AlertsSection storeVersion={1} />, root()));
  await settle();
  await settle();
});

describe('the follow list', () => {
  it('lists a followed topic the store has no story in, checked, and unfollows it', async () => {
    const box = root().querySelector<HTMLInputElement>('.topics__list li:nth-child(2) input')!;
    expect(box.closest('label')!.textContent).toBe('City budgets (no stories now)');
    expect(box.checked).toBe(true);
    await act(() => box.click());
    await settle();
    expect((await getFollows()).topics).toEqual(['ai']);
  });

  it('lists each followed story, one withdrawn in words, and unfollows it', async () => {
    expect(text()).toContain('You follow 2 stories');
    const items = [...root().querySelectorAll('.followed-stories__list li')];
    expect(items.map((li) => li.textContent)).toEqual([
      `${seed.title} Unfollow ${seed.title}`,
      'A story no longer in the store (withdrawn-story) Unfollow withdrawn-story',
    ]);
    await act(() => items[1]!.querySelector('button')!.click());
    await settle();
    expect((await getFollows()).stories).toEqual([seed.id]);
    expect(root().querySelectorAll('.followed-stories__list li')).toHaveLength(1);
  });
});

describe('the quiet hours setting', () => {
  it('says, once they are on, that their end sums up what came', async () => {
    const said = 'When quiet hours end, one notification says how many came that you have not read.';
    expect(text()).not.toContain(said);
    const box = [...root().querySelectorAll<HTMLInputElement>('label.check input')].find((i) =>
      i.closest('label')!.textContent!.startsWith('Quiet hours'),
    )!;
    await act(() => box.click());
    await settle();
    expect(text()).toContain(said);
  });
});
