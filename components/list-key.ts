/**
 * The Preact key of an entry in one of a story's lists. FORMAT.md lets a story repeat a stat's
 * label, a key term, a question or a missing perspective, so the value alone is no key: Preact
 * needs keys unique among siblings. The index makes it unique; the value keeps an entry that
 * stays in place (an open FAQ answer) the same element when a sync brings a newer story.
 */
export const listKey = (index: number, value: string): string => `${index}:${value}`;
