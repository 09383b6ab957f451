import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { matchArticle, readForQuery } from '../../lib/match/index.ts';
import { clearSavedIndex, indexFor } from '../../lib/match/persist.ts';
import { QUAKE_2019, RIDGECREST_ARTICLE, STORIES } from './match-stories.ts';

afterEach(() => clearSavedIndex());

/** `indexFor`, once what it built is saved. */
async function saved(...args: Parameters<typeof indexFor>): ReturnType<typeof indexFor> {
  const made = await indexFor(...args);
  await made.saved;
  return made;
}

describe('the saved match index', () => {
  it('says when what it built is saved, and is loaded from then on', async () => {
    const first = await indexFor('v1', STORIES);
    expect(first.source).toBe('built');
    expect(await first.saved).toBe(true);
    const loaded = await indexFor('v1', STORIES);
    expect(loaded.source).toBe('loaded');
    expect(await loaded.saved).toBe(true);
  });

  it('is built once per store version, then loaded instead of rebuilt', async () => {
    const first = await saved('v1', STORIES);
    expect(first.source).toBe('built');
    const again = await saved('v1', STORIES);
    expect(again.source).toBe('loaded');
    expect(matchArticle(RIDGECREST_ARTICLE, again.index)).toEqual(matchArticle(RIDGECREST_ARTICLE, first.index));
  });

  it('is brought up to date, not rebuilt, for a new store version', async () => {
    await saved(
      'v1',
      STORIES.filter((s) => s !== QUAKE_2019),
    );
    const next = await saved('v2', STORIES);
    expect(next.source).toBe('updated');
    expect(matchArticle(RIDGECREST_ARTICLE, next.index).match?.storyId).toBe(QUAKE_2019.id);
    expect((await saved('v2', STORIES)).source).toBe('loaded');
  });

  it('still answers when the index cannot be saved', async () => {
    const warnings: string[] = [];
    const broken = globalThis.indexedDB;
    (globalThis as { indexedDB: unknown }).indexedDB = {
      open: () => {
        throw new Error('blocked');
      },
    };
    try {
      const made = await indexFor('v1', STORIES, { warn: (m) => warnings.push(m) });
      expect(await made.saved).toBe(false);
      const { index, source } = made;
      expect(source).toBe('built');
      expect(matchArticle(RIDGECREST_ARTICLE, index).match?.storyId).toBe(QUAKE_2019.id);
      expect(warnings).toEqual(['the saved match index could not be read; building it', 'the match index could not be saved']);
    } finally {
      (globalThis as { indexedDB: unknown }).indexedDB = broken;
    }
  });

  it('is one file where the browser has a private file system, and IndexedDB is left alone', async () => {
    const files = new Map<string, ArrayBuffer>();
    const dir = {
      async getFileHandle(name: string, o?: { create?: boolean }) {
        if (!files.has(name) && !o?.create) throw new DOMException('not found', 'NotFoundError');
        return {
          getFile: async () => new Blob([files.get(name) ?? new ArrayBuffer(0)]),
          createWritable: async () => {
            let written = new ArrayBuffer(0);
            return { write: async (b: ArrayBuffer) => void (written = b), close: async () => void files.set(name, written) };
          },
        };
      },
      removeEntry: async (name: string) => void files.delete(name),
    };
    const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { storage: { getDirectory: async () => dir } }, configurable: true });
    try {
      expect((await saved('v1', STORIES)).source).toBe('built');
      expect([...files.keys()]).toEqual(['match-index.bin']);
      const again = await saved('v1', STORIES);
      expect(again.source).toBe('loaded');
      // Loaded lazily: the postings and evidence a match needs are read first.
      expect(again.index.disk).toBeTruthy();
      await readForQuery(RIDGECREST_ARTICLE, again.index);
      expect(matchArticle(RIDGECREST_ARTICLE, again.index).match?.storyId).toBe(QUAKE_2019.id);
    } finally {
      if (before) Object.defineProperty(globalThis, 'navigator', before);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});
