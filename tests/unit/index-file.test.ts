import { describe, expect, it } from 'vitest';
import { packIndex, readIndexFile, unpackIndex } from '../../lib/match/index-file.ts';
import { buildIndex, ensureQueryPostings, loadIndex, matchArticle, serializeIndex, storyIdsFor } from '../../lib/match/index.ts';
import { RIDGECREST_ARTICLE, STORIES } from './match-stories.ts';

describe('the index file', () => {
  it('gives back exactly what was packed, and an index that matches the same', () => {
    const data = serializeIndex(buildIndex(STORIES));
    const back = unpackIndex(packIndex('v7', data))!;
    expect(back.storeVersion).toBe('v7');
    expect({ ...back.data }).toEqual({ ...data, lens: [...data.lens] });
    const loaded = loadIndex(back.data, STORIES)!;
    expect(matchArticle(RIDGECREST_ARTICLE, loaded)).toEqual(matchArticle(RIDGECREST_ARTICLE, buildIndex(STORIES)));
  });

  it('views the arrays in the file instead of copying them', () => {
    const buf = packIndex('v1', serializeIndex(buildIndex(STORIES)));
    expect(unpackIndex(buf)!.data.post.buffer).toBe(buf);
  });

  it('reads everything but the postings, then only the postings a match needs, and matches the same', async () => {
    const built = buildIndex(STORIES);
    const file = new Blob([packIndex('v3', serializeIndex(built))]);
    const reads: [number, number][] = [];
    const read = (await readIndexFile(file, (v) => v === 'v3'))!;
    const source = { read: (from: number, to: number) => (reads.push([from, to]), read.postings!.read(from, to)) };
    const ix = loadIndex(read.data, new Set(STORIES.map((s) => s.id)), source)!;
    await ensureQueryPostings(RIDGECREST_ARTICLE, ix);
    const read1 = reads.reduce((n, [a, b]) => n + b - a, 0);
    expect(read1).toBeGreaterThan(0);
    expect(read1).toBeLessThan(read.data.post.length);
    for (const id of storyIdsFor(RIDGECREST_ARTICLE, ix)) ix.stories.set(id, STORIES.find((s) => s.id === id)!);
    expect(matchArticle(RIDGECREST_ARTICLE, ix)).toEqual(matchArticle(RIDGECREST_ARTICLE, built));
    // Asked again, nothing more is read.
    await ensureQueryPostings(RIDGECREST_ARTICLE, ix);
    expect(reads.reduce((n, [a, b]) => n + b - a, 0)).toBe(read1);
  });

  it('reads a file for another store version whole', async () => {
    const read = (await readIndexFile(new Blob([packIndex('v3', serializeIndex(buildIndex(STORIES)))]), (v) => v === 'v4'))!;
    expect(read.postings).toBeNull();
    expect(loadIndex(read.data, STORIES)!.text.pending).toBeUndefined();
  });

  it.each([
    ['empty', new ArrayBuffer(0)],
    ['another file', new TextEncoder().encode('{"format":5}').buffer],
    ['cut short', ((b: ArrayBuffer) => b.slice(0, b.byteLength - 10))(packIndex('v1', serializeIndex(buildIndex(STORIES))))],
  ])('refuses a file that is %s', (_, buf) => {
    expect(unpackIndex(buf as ArrayBuffer)).toBeNull();
  });
});
