import { describe, expect, it } from 'vitest';
import { splitCitations } from '../../lib/story/citations.ts';

describe('splitCitations', () => {
  it.each([
    ['plain text', 'No citation here.', ['No citation here.']],
    ['one at the end', 'Announced today.[1]', ['Announced today.', { n: 1 }]],
    ['several in a row', 'Cannot match.[1][4]', ['Cannot match.', { n: 1 }, { n: 4 }]],
    ['in the middle', 'A [2] and B.', ['A ', { n: 2 }, ' and B.']],
    ['at the start', '[3] First.', [{ n: 3 }, ' First.']],
    ['brackets that are not citations', 'See [a] and [12345].', ['See [a] and [12345].']],
  ])('splits %s', (_, input, expected) => {
    expect(splitCitations(input)).toEqual(expected);
  });
});
