import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../lib/match/index.ts';
import { analyseQuery, readArticle } from '../../lib/match/query.ts';
import { RIDGECREST_ARTICLE, STORIES } from './match-stories.ts';

describe('the article side of a match', () => {
  it('reads an article once, and analyses it the same whether read ahead or not', () => {
    const ix = buildIndex(STORIES).text;
    const ahead = { ...RIDGECREST_ARTICLE };
    const words = readArticle(ahead);
    expect(readArticle(ahead)).toBe(words);
    // (Each analysis has its own idf lookup: compared by what it answers.)
    const { idfOf: a, ...read } = analyseQuery(ahead, ix);
    const { idfOf: b, ...fresh } = analyseQuery({ ...RIDGECREST_ARTICLE }, ix);
    expect(read).toEqual(fresh);
    for (const t of ['ridgecrest', 'earthquake', 'nowhere']) expect(a(t)).toBe(b(t));
  });

  it('keeps the heaviest words, names first in the hit masks, the first seen of equal weight first', () => {
    const ix = buildIndex(STORIES).text;
    const q = analyseQuery(
      { title: '', text: 'Trona Trona Trona. Then Ridgecrest and Mojave, with Kern crews and magnitude figures.' },
      ix,
    );
    const weights = q.terms.map((t) => t.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    expect(q.terms[0]!.term).toBe('trona');
    expect(q.names.map((n) => n.token)).toEqual(expect.arrayContaining(['trona', 'ridgecrest', 'mojave', 'kern']));
    for (const n of q.names) expect(n.bit).toBeLessThan(q.names.length);
    expect(q.idfOf('trona')).toBe(q.names.find((n) => n.token === 'trona')!.idf);
  });
});
