// @vitest-environment happy-dom
// A story's lists keyed by what they hold. FORMAT.md lets a story repeat a stat's label, a key
// term, a question or a missing perspective; Preact wants keys unique among siblings and warns
// (preact/debug) that repeated ones "may cause glitches": every entry must show, in order, and
// an open answer must stay the one the reader opened when a sync brings a newer story.
import 'preact/debug';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MissingCallout } from '../../components/MissingCallout.tsx';
import { MissingPerspectives } from '../../components/MissingPerspectives.tsx';
import { BulletList, Faq, KeyTerms, Stats } from '../../components/story/StoryLists.tsx';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
const texts = (selector: string) => [...root().querySelectorAll(selector)].map((e) => e.textContent);
let errors: { mock: { calls: unknown[][] }; mockRestore(): void };
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  errors.mockRestore();
});
const sameKeyWarnings = () => errors.mock.calls.filter(([m]) => String(m).includes('same key'));
const show = (node: preact.ComponentChild) => act(() => render(node, root()));

describe('a story list that repeats an entry', () => {
  it('shows every stat, term, point and missing perspective in order, with keys Preact accepts', async () => {
    const stats = [
      { value: '$45B', label: 'Market' },
      { value: '12%', label: 'Growth' },
      { value: '$60B', label: 'Market' },
    ];
    await show(<Stats stats={stats} />);
    expect(texts('.stat')).toEqual(['Market$45B', 'Growth12%', 'Market$60B']);
    const terms = [
      { term: 'LLM', definition: 'A language model' },
      { term: 'LLM', definition: 'Large language model' },
    ];
    await show(<KeyTerms terms={terms} />);
    expect(texts('.key-terms dd')).toEqual(['A language model', 'Large language model']);
    await show(<BulletList items={['Same point', 'Other', 'Same point']} />);
    expect(texts('.bullets li')).toEqual(['Same point', 'Other', 'Same point']);
    await show(<MissingPerspectives missing={['Patients', 'Patients']} />);
    expect(texts('.missing__list li')).toEqual(['Patients', 'Patients']);
    await show(<MissingCallout missing={['Nurses', 'Nurses']} outlets={3} />);
    expect(texts('.missing-callout__list bdi')).toEqual(['Nurses', 'Nurses']);
    expect(sameKeyWarnings()).toEqual([]);
  });

  it('keeps the answer the reader opened open, and only it, when a newer story arrives', async () => {
    const faq = [
      { question: 'Why?', answer: 'First answer' },
      { question: 'Why?', answer: 'Second answer' },
    ];
    await show(<Faq faq={faq} />);
    const second = root().querySelectorAll('details')[1]!;
    await act(() => second.querySelector('summary')!.click());
    expect([...root().querySelectorAll('details')].map((d) => d.open)).toEqual([false, true]);
    await show(<Faq faq={[...faq, { question: 'When?', answer: 'Third answer' }]} />);
    expect([...root().querySelectorAll('details')].map((d) => d.open)).toEqual([false, true, false]);
    expect(texts('.faq p')).toEqual(['First answer', 'Second answer', 'Third answer']);
    expect(sameKeyWarnings()).toEqual([]);
  });
});
