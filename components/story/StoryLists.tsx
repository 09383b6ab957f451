import type { Story } from '../../lib/story/story.ts';
import { Disclosure } from '../Disclosure.tsx';

/** Stats as a definition list: the figure, then what it measures. */
export function Stats({ stats }: { stats: NonNullable<Story['stats']> }) {
  return (
    <dl class="stats">
      {stats.map((s) => (
        <div class="stat" key={s.label}>
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
      {terms.map((k) => (
        <div key={k.term}>
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
      {faq.map((f) => (
        <Disclosure key={f.question} summary={<bdi>{f.question}</bdi>}>
          <p dir="auto">{f.answer}</p>
        </Disclosure>
      ))}
    </div>
  );
}

export function BulletList({ items, label }: { items: string[]; label?: string }) {
  return (
    <ul class="bullets" aria-label={label}>
      {items.map((x) => (
        <li key={x} dir="auto">
          {x}
        </li>
      ))}
    </ul>
  );
}
