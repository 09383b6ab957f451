/**
 * The reader's word on a match: "this page belongs to that story" or "no story covers this
 * page". Kept in the extension's local storage under the page's normalised URL, never sent
 * anywhere, and applied before the matcher's own answer the next time the page is read.
 */
import { browser } from 'wxt/browser';
import { normalizeUrl, ownCanonical } from '../url.ts';

/** What the reader said about a page. */
export type ReaderChoice = { kind: 'story'; storyId: string } | { kind: 'none' };

const KEY = 'matchCorrections';
/** The oldest choices are forgotten past this many pages, so the record stays small. */
export const MAX_CORRECTIONS = 2000;

type Saved = Record<string, ReaderChoice & { at: number }>;

/**
 * The key a page's choice is kept under: its canonical URL when it has one on its own site,
 * normalised (a page on another site cannot file a choice under a source's address).
 */
export function correctionKey(page: { url?: string | null; canonicalUrl?: string | null }): string | null {
  return normalizeUrl(ownCanonical(page)) ?? normalizeUrl(page.url);
}

async function readAll(): Promise<Saved> {
  const got = (await browser.storage.local.get(KEY))[KEY];
  return got && typeof got === 'object' ? (got as Saved) : {};
}

function valid(c: unknown): c is ReaderChoice {
  const x = c as ReaderChoice | null;
  return !!x && (x.kind === 'none' || (x.kind === 'story' && typeof x.storyId === 'string'));
}

/** The reader's choice for the page, or null. */
export async function getCorrection(page: { url?: string | null; canonicalUrl?: string | null }): Promise<ReaderChoice | null> {
  const all = await readAll();
  for (const key of [correctionKey(page), normalizeUrl(page.url)]) {
    const c = key ? all[key] : undefined;
    if (valid(c)) return c.kind === 'none' ? { kind: 'none' } : { kind: 'story', storyId: c.storyId };
  }
  return null;
}

/** Remembers (or, with null, forgets) the reader's choice for the page. */
export async function setCorrection(page: { url?: string | null; canonicalUrl?: string | null }, choice: ReaderChoice | null, now = Date.now()): Promise<void> {
  const key = correctionKey(page);
  if (!key) return;
  const all = await readAll();
  delete all[normalizeUrl(page.url) ?? ''];
  if (choice) all[key] = { ...choice, at: now };
  else delete all[key];
  const keys = Object.keys(all);
  if (keys.length > MAX_CORRECTIONS) {
    for (const k of keys.sort((a, b) => all[a]!.at - all[b]!.at).slice(0, keys.length - MAX_CORRECTIONS)) delete all[k];
  }
  await browser.storage.local.set({ [KEY]: all });
}
