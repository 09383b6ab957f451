import type { ComponentChildren } from 'preact';

/** A titled section of the story view: an `h2` the table of contents and screen readers find. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="story-section" aria-labelledby={`${id}-heading`} tabIndex={-1}>
      <h2 id={`${id}-heading`} class="section-heading">
        {title}
      </h2>
      {children}
    </section>
  );
}
