// A saved match index that changes under a live worker (site data cleared, storage evicted): the
// parts a match reads from disk fail, and the worker must build the index anew rather than fail
// every click until it sleeps.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../lib/article.ts';
import { readForQuery } from '../../../lib/match/index.ts';
import type { Story } from '../../../lib/story/story.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));

/** An article telling the seed story, at an address no source has (so it is matched on its words). */
const article: Article = {
  url: 'https://news.example/mayo-ai',
  canonicalUrl: 'https://news.example/mayo-ai',
  title: seed.title,
  byline: null,
  siteName: null,
  publishedTime: seed.publishedAt,
  modifiedTime: null,
  lang: 'en',
  excerpt: null,
  section: null,
  keywords: [],
  text: [seed.dek, ...(seed.body ?? []).map(String)].join('\n\n'),
  wordCount: 500,
  partial: false,
};

/** An origin-private file system in memory whose open files can be made unreadable, as a browser's are once the file changes. */
function fakeFiles() {
  const files = new Map<string, ArrayBuffer>();
  let unreadable = false;
  let writes = 0;
  const dir = {
    async getFileHandle(name: string, o?: { create?: boolean }) {
      if (!files.has(name) && !o?.create) throw new DOMException('not found', 'NotFoundError');
      return {
        async getFile() {
          const blob = new Blob([files.get(name) ?? new ArrayBuffer(0)]);
          const read = (b: Blob) => () =>
            unreadable ? Promise.reject(new DOMException('the file changed', 'NotReadableError')) : b.arrayBuffer();
          return { size: blob.size, arrayBuffer: read(blob), slice: (a?: number, z?: number) => ({ arrayBuffer: read(blob.slice(a, z)) }) };
        },
        createWritable: async () => {
          let written = new ArrayBuffer(0);
          return { write: async (b: ArrayBuffer) => void (written = b), close: async () => void (files.set(name, written), writes++) };
        },
      };
    },
    removeEntry: async (name: string) => void files.delete(name),
  };
  return { dir, files, writes: () => writes, breakOpenFiles: () => void (unreadable = true) };
}

let fs: ReturnType<typeof fakeFiles>;
const navigatorBefore = Object.getOwnPropertyDescriptor(globalThis, 'navigator');

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fs = fakeFiles();
  Object.defineProperty(globalThis, 'navigator', { value: { storage: { getDirectory: async () => fs.dir } }, configurable: true });
});

afterEach(() => {
  if (navigatorBefore) Object.defineProperty(globalThis, 'navigator', navigatorBefore);
  else delete (globalThis as { navigator?: unknown }).navigator;
});

/** A fresh service worker's background modules. */
async function wake() {
  vi.resetModules();
  return {
    store: await import('../../../entrypoints/background/store.ts'),
    tab: await import('../../../entrypoints/background/match-tab.ts'),
  };
}

describe('a saved index that can no longer be read', () => {
  it('is built anew, and the click that found it broken still gets its answer', async () => {
    const first = await wake();
    const { view } = await first.store.getStore();
    await vi.waitFor(() => expect(first.store.indexState(view.version)).toBe('saved'));
    expect(fs.writes()).toBe(1);

    const woken = await wake();
    const { index } = await woken.store.getStore();
    // Loaded lazily: postings and evidence are still on disk.
    expect(index.disk).toBeTruthy();
    fs.breakOpenFiles();
    // (By name: a woken worker's modules are new ones, its error class too.)
    await expect(readForQuery(article, index)).rejects.toMatchObject({ name: 'IndexReadError' });

    const report = await woken.tab.matchExtraction({ kind: 'article', article }, { incognito: false });
    expect(report).toMatchObject({ state: 'match', story: { id: seed.id } });
    // The broken copy was dropped and the rebuilt index saved in its place.
    const now = await woken.store.getStore();
    expect(now.index).not.toBe(index);
    expect(now.index.disk).toBeFalsy();
    await vi.waitFor(() => expect(fs.writes()).toBe(2));
  });
});
