/**
 * The reader's word on a match: "this page belongs to that story" or "no story covers this
 * page". Kept in the extension's local storage under the page's normalised URL
 * (platform/storage.ts), never sent anywhere, and applied before the matcher's own answer the
 * next time the page is read. These are the pure rules; the storage is handed in.
 */
import { normalizeUrl, ownCanonical } from '../url.ts';

/** What the reader said about a page. */
export type ReaderChoice = { kind: 'story'; storyId: string } | { kind: 'none' };

/** The oldest choices are forgotten past this many pages, so the record stays small. */
export const MAX_CORRECTIONS = 2000;

/** Every kept choice, by page key, with when it was made. */
export type Corrections = Record<string, ReaderChoice & { at: number }>;

type Page = { url?: string | null; canonicalUrl?: string | null };

/**
 * The key a page's choice is kept under: its canonical URL when it has one on its own site,
 * normalised (a page on another site cannot file a choice under a source's address).
 */
export function correctionKey(page: Page): string | null {
  return normalizeUrl(ownCanonical(page)) ?? normalizeUrl(page.url);
}

/**
 * A stored record, whatever it holds: anything but an object reads as none kept, and an entry
 * that is no choice is dropped (sorting by age read `.at` of a null entry, and every later
 * choice failed). An entry without a readable time counts as the oldest.
 */
export function repairCorrections(raw: unknown): Corrections {
  const out: Corrections = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, c] of Object.entries(raw)) {
    if (!valid(c) || key === '__proto__') continue;
    const at = (c as { at?: unknown }).at;
    const when = typeof at === 'number' && Number.isFinite(at) ? at : 0;
    out[key] = c.kind === 'none' ? { kind: 'none', at: when } : { kind: 'story', storyId: c.storyId, at: when };
  }
  return out;
}

function valid(c: unknown): c is ReaderChoice {
  const x = c as ReaderChoice | null;
  return !!x && (x.kind === 'none' || (x.kind === 'story' && typeof x.storyId === 'string'));
}

/** The reader's choice for the page in `all`, or null. */
export function findCorrection(all: Corrections, page: Page): ReaderChoice | null {
  for (const key of [correctionKey(page), normalizeUrl(page.url)]) {
    const c = key && Object.hasOwn(all, key) ? all[key] : undefined;
    if (valid(c)) return c.kind === 'none' ? { kind: 'none' } : { kind: 'story', storyId: c.storyId };
  }
  return null;
}

/**
 * `all` with the reader's choice for the page remembered (or, with null, forgotten), the oldest
 * past MAX_CORRECTIONS dropped; null when the page has no URL to keep it under.
 */
export function withCorrection(all: Corrections, page: Page, choice: ReaderChoice | null, now: number): Corrections | null {
  const key = correctionKey(page);
  if (!key) return null;
  const next = { ...all };
  delete next[normalizeUrl(page.url) ?? ''];
  if (choice) next[key] = { ...choice, at: now };
  else delete next[key];
  const keys = Object.keys(next);
  if (keys.length > MAX_CORRECTIONS) {
    for (const k of keys.sort((a, b) => next[a]!.at - next[b]!.at).slice(0, keys.length - MAX_CORRECTIONS)) delete next[k];
  }
  return next;
}
