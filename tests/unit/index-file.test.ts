import { describe, expect, it } from 'vitest';
import { packIndex, readIndexFile, unpackIndex } from '../../lib/match/index-file.ts';
import type { LeftOnDisk } from '../../lib/match/on-disk.ts';
import { addStories, buildIndex, readForQuery, loadIndex, matchArticle, removeStories, serializeIndex } from '../../lib/match/index.ts';
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

  it('reads what finds terms and slots, then only the postings and evidence a match needs, and matches the same', async () => {
    const built = buildIndex(STORIES);
    const file = new Blob([packIndex('v3', serializeIndex(built))]);
    const reads = { post: 0, docs: 0 };
    const read = (await readIndexFile(file, (v) => v === 'v3'))!;
    const disk = read.disk!;
    const counted: LeftOnDisk = {
      read: (from, to) => ((reads.post += to - from), disk.read(from, to)),
      docs: (from, to) => ((reads.docs += to - from), disk.docs(from, to)),
      urlRows: (from, to) => disk.urlRows(from, to),
    };
    const ix = loadIndex(read.data, new Set(STORIES.map((s) => s.id)), counted)!;
    // Nothing of a slot is readable before it was read.
    expect(() => ix.docs.get(0)).toThrow(/not read/);
    const asked: string[] = [];
    await readForQuery(RIDGECREST_ARTICLE, ix, async (ids) => {
      asked.push(...ids);
      for (const id of ids)
        ix.stories.set(
          id,
          STORIES.find((s) => s.id === id)!,
        );
    });
    const first = { ...reads };
    expect(first.post).toBeGreaterThan(0);
    expect(first.post).toBeLessThan(read.data.post.length);
    expect(first.docs).toBeGreaterThan(0);
    expect(first.docs).toBeLessThan(read.data.docs.length);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(STORIES.length);
    expect(matchArticle(RIDGECREST_ARTICLE, ix)).toEqual(matchArticle(RIDGECREST_ARTICLE, built));
    // Asked again, nothing more is read.
    await readForQuery(RIDGECREST_ARTICLE, ix);
    expect(reads).toEqual(first);
  });

  it('reads only the story a source URL names', async () => {
    const story = STORIES[1]!;
    const article = { ...RIDGECREST_ARTICLE, url: story.sources[0]!.url, canonicalUrl: undefined };
    const built = buildIndex(STORIES);
    const read = (await readIndexFile(new Blob([packIndex('v3', serializeIndex(built))]), () => true))!;
    const ix = loadIndex(read.data, new Set(STORIES.map((s) => s.id)), read.disk)!;
    const asked: string[] = [];
    await readForQuery(article, ix, async (ids) => {
      asked.push(...ids);
      ix.stories.set(story.id, story);
    });
    expect(asked).toEqual([story.id]);
    expect(matchArticle(article, ix).match).toMatchObject({ storyId: story.id, confidence: 1 });
  });

  it('tries a failed read again on the next match, and refuses to change an index with parts on disk', async () => {
    const built = buildIndex(STORIES);
    const read = (await readIndexFile(new Blob([packIndex('v3', serializeIndex(built))]), () => true))!;
    let failing = true;
    const flaky: LeftOnDisk = {
      read: (from, to) => (failing ? Promise.reject(new Error('disk gone')) : read.disk!.read(from, to)),
      docs: (from, to) => read.disk!.docs(from, to),
      urlRows: (from, to) => read.disk!.urlRows(from, to),
    };
    const ix = loadIndex(read.data, new Set(STORIES.map((s) => s.id)), flaky)!;
    const load = async (ids: string[]) =>
      void ids.forEach((id) =>
        ix.stories.set(
          id,
          STORIES.find((s) => s.id === id)!,
        ),
      );
    await expect(readForQuery(RIDGECREST_ARTICLE, ix, load)).rejects.toThrow(/disk gone/);
    failing = false;
    await readForQuery(RIDGECREST_ARTICLE, ix, load);
    expect(matchArticle(RIDGECREST_ARTICLE, ix)).toEqual(matchArticle(RIDGECREST_ARTICLE, built));
    expect(() => addStories(ix, [STORIES[0]!])).toThrow(/cannot be changed/);
    expect(() => removeStories(ix, [STORIES[0]!.id])).toThrow(/cannot be changed/);
    expect(() => serializeIndex(ix)).toThrow(/cannot be changed/);
  });

  it('reads a file for another store version whole', async () => {
    const read = (await readIndexFile(new Blob([packIndex('v3', serializeIndex(buildIndex(STORIES)))]), (v) => v === 'v4'))!;
    expect(read.disk).toBeNull();
    expect(loadIndex(read.data, STORIES)!.disk).toBeNull();
  });

  it.each([
    ['empty', new ArrayBuffer(0)],
    ['another file', new TextEncoder().encode('{"format":5}').buffer],
    ['cut short', ((b: ArrayBuffer) => b.slice(0, b.byteLength - 10))(packIndex('v1', serializeIndex(buildIndex(STORIES))))],
  ])('refuses a file that is %s', (_, buf) => {
    expect(unpackIndex(buf as ArrayBuffer)).toBeNull();
  });
});
