/**
 * A viewpoint's key: its colour, a pattern and a letter, so the share bar and its legend read
 * without colour (printed in grey, or by a reader who does not tell the tones apart).
 */
export const keyLetter = (i: number) => String.fromCharCode(65 + (i % 26));
// Six tones and six patterns; past six the letter alone tells viewpoints apart.
export const keyClass = (i: number) => `tone-${i % 6} pattern-${i % 6}`;

export function Swatch({ index }: { index: number }) {
  return <span class={`swatch-key ${keyClass(index)}`} data-key={keyLetter(index)} aria-hidden="true" />;
}
