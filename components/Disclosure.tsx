import type { ComponentChildren } from 'preact';

interface Props {
  summary: ComponentChildren;
  children: ComponentChildren;
  class?: string;
  /** Open from the start (the reader can still close it). */
  open?: boolean;
}

/**
 * A native `<details>` that Escape closes, returning focus to its summary: whatever the reader
 * opened, Escape closes.
 */
export function Disclosure({ summary, children, class: cls, open = false }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    const details = e.currentTarget as HTMLDetailsElement;
    if (e.key !== 'Escape' || !details.open) return;
    e.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };
  return (
    <details class={`disclosure ${cls ?? ''}`} open={open} onKeyDown={onKeyDown}>
      <summary class="disclosure__summary">{summary}</summary>
      <div class="disclosure__body">{children}</div>
    </details>
  );
}
