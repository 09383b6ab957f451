// What the background keeps of an article once its page says which lines it does not show
// (lib/extract/unseen.ts; the page is asked in the real browsers: tests/e2e/popup.test.ts).
import { describe, expect, it } from 'vitest';
import { withoutLines } from '../../../lib/extract/unseen.ts';

describe('withoutLines', () => {
  const text = 'First paragraph.\n\nHidden lede.\n\nThird line\nwith a break.\n\nLast.';

  it('drops the lines asked, counting lines across single and double breaks', () => {
    expect(withoutLines(text, [1])).toBe('First paragraph.\n\nThird line\nwith a break.\n\nLast.');
    expect(withoutLines(text, [3])).toBe('First paragraph.\n\nHidden lede.\n\nThird line\n\nLast.');
  });

  it('keeps the text as it is when no line is asked, and leaves nothing when all are', () => {
    expect(withoutLines(text, [])).toBe(text);
    expect(withoutLines(text, [0, 1, 2, 3, 4])).toBe('');
  });
});
