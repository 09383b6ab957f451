import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article } from '../../lib/article.ts';
import { MAX_CORRECTIONS } from '../../lib/match/corrections.ts';
import { getCorrection, setCorrection } from '../../platform/storage.ts';
import { buildIndex, loadIndex, serializeIndex } from '../../lib/match/index.ts';
import { createStorySet } from '../../lib/store/story-set.ts';
import { reportFor } from '../../lib/report.ts';
import { QUAKE_2019, QUAKE_2023, RIDGECREST_ARTICLE, STORIES } from './match-stories.ts';

const page = { url: 'https://www.example.com/quake?utm_source=feed', canonicalUrl: 'https://example.com/quake' };
const article: Article = {
  ...page,
  ...RIDGECREST_ARTICLE,
  byline: null,
  siteName: 'Example',
  modifiedTime: null,
  lang: 'en',
  excerpt: null,
  section: null,
  keywords: [],
  wordCount: 120,
  partial: false,
};
// As a waking worker has it: the saved index without story objects, the stories behind a view.
const view = createStorySet(STORIES, 'test').current();
const store = { view, index: loadIndex(serializeIndex(buildIndex(STORIES)), view.ids)! };

describe("the reader's choice", () => {
  it('is remembered for the page under its normalised URL, and only on this device', async () => {
    await setCorrection(page, { kind: 'story', storyId: QUAKE_2023.id }, 1);
    expect(await getCorrection({ url: 'http://example.com/quake#top' })).toEqual({ kind: 'story', storyId: QUAKE_2023.id });
    expect(await getCorrection({ url: 'https://example.com/other' })).toBeNull();
    expect(Object.keys((await fakeBrowser.storage.local.get('matchCorrections')).matchCorrections as object)).toEqual([
      'example.com/quake',
    ]);
  });

  it('is forgotten with null', async () => {
    await setCorrection(page, { kind: 'none' });
    await setCorrection(page, null);
    expect(await getCorrection(page)).toBeNull();
  });

  it('keeps only the most recent pages', async () => {
    const many = Object.fromEntries(Array.from({ length: MAX_CORRECTIONS }, (_, i) => [`example.com/${i}`, { kind: 'none', at: i }]));
    await fakeBrowser.storage.local.set({ matchCorrections: many });
    await setCorrection(page, { kind: 'none' }, MAX_CORRECTIONS + 1);
    const kept = (await fakeBrowser.storage.local.get('matchCorrections')).matchCorrections as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(MAX_CORRECTIONS);
    expect(kept['example.com/0']).toBeUndefined();
    expect(kept['example.com/quake']).toBeDefined();
  });

  it('ignores a damaged record', async () => {
    await fakeBrowser.storage.local.set({ matchCorrections: { 'example.com/quake': { kind: 'story' } } });
    expect(await getCorrection(page)).toBeNull();
  });

  it('drops damaged entries when a full record is written again', async () => {
    // A full record with one unreadable entry: sorting by age read `.at` of null, and every
    // "Not this story?" after it failed.
    const many: Record<string, unknown> = Object.fromEntries(
      Array.from({ length: MAX_CORRECTIONS }, (_, i) => [`example.com/${i}`, { kind: 'none', at: i }]),
    );
    Object.assign(many, { 'example.com/null': null, 'example.com/bad': { kind: 'story' }, 'example.com/old': { kind: 'none' } });
    await fakeBrowser.storage.local.set({ matchCorrections: many });
    await setCorrection(page, { kind: 'none' }, MAX_CORRECTIONS + 1);
    const kept = (await fakeBrowser.storage.local.get('matchCorrections')).matchCorrections as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(MAX_CORRECTIONS);
    expect(kept['example.com/null']).toBeUndefined();
    expect(kept['example.com/bad']).toBeUndefined();
    // An entry without its time is the oldest, dropped first.
    expect(kept['example.com/old']).toBeUndefined();
    expect(kept['example.com/quake']).toEqual({ kind: 'none', at: MAX_CORRECTIONS + 1 });
  });
});

describe('the report with a remembered choice', () => {
  it('shows the matcher’s story with runners-up when the reader said nothing', async () => {
    const r = await reportFor(article, store, null);
    expect(r.state === 'match' && r.story.id).toBe(QUAKE_2019.id);
    expect(r.state === 'match' && r.chosenByReader).toBeFalsy();
  });

  it('shows the story the reader picked, offering the matcher’s own as an alternative', async () => {
    const r = await reportFor(article, store, { kind: 'story', storyId: QUAKE_2023.id });
    if (r.state !== 'match') throw new Error(r.state);
    expect(r.story.id).toBe(QUAKE_2023.id);
    expect(r.chosenByReader).toBe(true);
    expect(r.reasons).toEqual([]);
    expect(r.alternatives[0]).toMatchObject({ storyId: QUAKE_2019.id, title: QUAKE_2019.title });
    expect(r.alternatives.map((a) => a.storyId)).not.toContain(QUAKE_2023.id);
  });

  it('shows no story when the reader dismissed the match', async () => {
    const r = await reportFor(article, store, { kind: 'none' });
    expect(r).toMatchObject({ state: 'no-match', dismissedByReader: true });
  });

  it('falls back to the matcher when the picked story has left the store', async () => {
    const r = await reportFor(article, store, { kind: 'story', storyId: 'gone' });
    expect(r.state === 'match' && r.story.id).toBe(QUAKE_2019.id);
  });
});
