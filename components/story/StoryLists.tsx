import type { Story } from '../../lib/story/story.ts';
import { Disclosure } from '../Disclosure.tsx';
import { listKey } from '../list-key.ts';

/** Stats as a definition list: the figure, then what it measures. */
export function Stats({ stats }: { stats: NonNullable<Story['stats']> }) {
  return (
    <dl class="stats">
      {stats.map((s, i) => (
        <div class="stat" key={listKey(i, s.label)}>
          <dt class="stat__label" dir="auto">
            {s.label}
          </dt>
          <dd class="stat__value" dir="auto">
            {s.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "How we got here": dated steps in order. */
export function Timeline({ items }: { items: NonNullable<Story['timeline']> }) {
  return (
    <ol class="timeline">
      {items.map((e, i) => (
        <li key={i} class="timeline__item">
          <span class="timeline__when" dir="auto">
            {e.when}
          </span>
          <span class="timeline__text" dir="auto">
            {e.text}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function KeyTerms({ terms }: { terms: NonNullable<Story['keyTerms']> }) {
  return (
    <dl class="key-terms">
      {terms.map((k, i) => (
        <div key={listKey(i, k.term)}>
          <dt dir="auto">{k.term}</dt>
          <dd dir="auto">{k.definition}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Frequently asked: each answer behind its question; Escape closes an open one. */
export function Faq({ faq }: { faq: NonNullable<Story['faq']> }) {
  return (
    <div class="faq">
      {faq.map((f, i) => (
        <Disclosure key={listKey(i, f.question)} summary={<bdi>{f.question}</bdi>}>
          <p dir="auto">{f.answer}</p>
        </Disclosure>
      ))}
    </div>
  );
}

export function BulletList({ items, label }: { items: string[]; label?: string }) {
  return (
    <ul class="bullets" aria-label={label}>
      {items.map((x, i) => (
        <li key={listKey(i, x)} dir="auto">
          {x}
        </li>
      ))}
    </ul>
  );
}
