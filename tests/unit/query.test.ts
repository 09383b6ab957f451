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
    expect(analyseQuery(ahead, ix)).toEqual(analyseQuery({ ...RIDGECREST_ARTICLE }, ix));
  });
});
