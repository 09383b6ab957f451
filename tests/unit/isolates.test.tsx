// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AlertList } from '../../components/AlertList.tsx';
import { withIsolates } from '../../components/Isolates.tsx';
import type { ListedAlert } from '../../lib/alerts/state.ts';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
const shown = (compose: Parameters<typeof withIsolates>[0]) => {
  render(<p>{withIsolates(compose)}</p>, root());
  return root().firstElementChild!.innerHTML;
};

describe('story text in a message of ours', () => {
  it('is each its own <bdi>, the message around it plain text', () => {
    expect(shown((story) => `Read [1] ${story('صحيفة رقم 1')} now`)).toBe('Read [1] <bdi>صحيفة رقم 1</bdi> now');
    expect(shown((story) => `${story('A')} and ${story('B')}`)).toBe('<bdi>A</bdi> and <bdi>B</bdi>');
  });

  it('is text, whatever it holds: markup, "$1", or the characters that stand in for it', () => {
    expect(shown((story) => `Follow ${story('<b>$1</b> \uE0000\uE001')}`)).toBe('Follow <bdi>&lt;b&gt;$1&lt;/b&gt; \uE0000\uE001</bdi>');
  });

  it('leaves a message with no story text as it is', () => {
    expect(shown(() => 'Follow this story')).toBe('Follow this story');
  });
});

describe('an alert in the list', () => {
  it("sets the store's text apart in Lens's sentence, and says the same words", () => {
    const alerts: ListedAlert[] = [
      {
        alert: { kind: 'new-story', storyId: 's', topic: 'health', title: 'وزارة الصحة تعلن', outlets: 3, viewpoints: 2 },
        at: 0,
        read: true,
      },
      {
        alert: {
          kind: 'story-update',
          storyId: 'u',
          topic: 'health',
          title: 'Clinic',
          newOutlets: 0,
          newViewpoints: ['أطباء'],
          nowRepresented: ['Patients'],
        },
        at: 0,
        read: true,
      },
    ];
    render(<AlertList alerts={alerts} onOpen={() => {}} topicNames={{ health: 'الصحة' }} />, root());
    const [first, second] = [...root().querySelectorAll('.alert-item')];
    expect([...first!.querySelectorAll('.alert-item__title bdi')].map((b) => b.textContent)).toEqual(['الصحة', 'وزارة الصحة تعلن']);
    expect(first!.querySelector('.alert-item__title')!.textContent!.trim()).toBe('New in الصحة: وزارة الصحة تعلن');
    expect([...second!.querySelectorAll('.alert-item__message bdi')].map((b) => b.textContent)).toEqual(['أطباء', 'Patients']);
  });
});
