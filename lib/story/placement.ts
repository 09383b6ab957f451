/**
 * Where the reader's page stands in a story, and what to read next: the page is one of the
 * story's sources (proven by the matcher, or by its URL), or it comes from an outlet the story
 * does or does not cite. A viewpoint is only ever named for a page the story cites; an uncited
 * page of a cited outlet is keyed to the viewpoint of that outlet's cited article, never said to be in it.
 */
import { tokenize } from '../match/tokenize.ts';
import type { MatchReason } from '../match/types.ts';
import type { PageRef } from '../messages.ts';
import type { Source, Story, Viewpoint } from './story.ts';
import { isSharedSuffix } from '../hosts.ts';
import { hostOf, normalizeUrl } from '../url.ts';
import { safeHref } from './links.ts';
import { readerKey } from '../words.ts';

export type Placement =
  /** The page is source `source.n`, in `viewpoint`. */
  | { kind: 'source'; source: Source; viewpoint: Viewpoint }
  /**
   * The page's outlet is among the story's sources, but this page is not one of them: `source` is
   * that outlet's article the story cites (of several, the one whose headline is closest to the
   * page's title), in `viewpoint`. The viewpoint is the
   * outlet's cited coverage's, never a guess at this page's.
   */
  | { kind: 'outlet'; outlet: string; source: Source; viewpoint: Viewpoint }
  /** The page's outlet is not among the story's outlets. */
  | { kind: 'outside'; outlet: string };

// The matcher's proof that a page is a source: its URL ('url' reasons) or its outlet and
// headline. Their first argument is the source number (lib/match/reasons.ts).
const PROOF_CODES = new Set(['reasonSource', 'reasonSourceNoOutlet', 'reasonOutletTitle']);

/** The source number the matcher proved the page to be, or null. */
export function provenSource(reasons: readonly MatchReason[]): number | null {
  for (const r of reasons) {
    if (!r.code || !PROOF_CODES.has(r.code)) continue;
    const n = Number(r.args?.[0]);
    if (Number.isInteger(n) && n > 0) return n;
  }
  return null;
}

// Names and headlines compared as a reader compares them.
const plain = readerKey;

/** The page's outlet as a reader names it: the site name it declares, else its host. */
export function pageOutlet(page: PageRef): string | null {
  const name = page.siteName?.trim();
  if (name) return name;
  return hostOf(page.url);
}

/**
 * The story's source on the page's outlet, if any: by the page's host where the story gives the
 * outlet's address (its `outletDomain`, else its URL's host), by the name the page declares only
 * where it gives none. A page can declare any name: "Fortune" on a shop's blog is not Fortune.
 *
 * Where the story cites several of the outlet's articles, the one whose headline shares the most
 * words with the page's title: a reader on the outlet's follow-up to one of them expects the note
 * keyed to that one's viewpoint, and its row to offer it, not whichever the story numbered first.
 * A tie, or a title sharing no word with any, goes to the first cited (the lowest number).
 */
function sourceOfOutlet(story: Story, page: PageRef): Source | undefined {
  const host = hostOf(page.url);
  const name = page.siteName ? plain(page.siteName) : null;
  const own = story.sources.filter((s) => {
    const domain = s.outletDomain?.toLowerCase() ?? hostOf(s.url);
    // A source at `http://com/…` would make every `.com` page one of the story's outlets (the
    // door refuses such an `outletDomain`; a source's address is kept, so it is checked here).
    if (domain) return !!host && !isSharedSuffix(domain) && (host === domain || host.endsWith(`.${domain}`));
    return !!name && plain(s.outlet) === name;
  });
  if (own.length < 2) return own[0];
  const words = new Set(tokenize(page.title));
  const shared = (s: Source) => new Set(tokenize(s.title).filter((w) => words.has(w))).size;
  let best: Source | undefined;
  let most = -1;
  for (const s of [...own].sort((a, b) => a.n - b.n)) {
    const n = shared(s);
    if (n > most) [best, most] = [s, n];
  }
  return best;
}

/** Whether two sources are one article: the same address, or, where either has none, the same outlet and headline. */
function sameArticle(a: Source, b: Source): boolean {
  if (a.url && b.url) return normalizeUrl(a.url) === normalizeUrl(b.url);
  return plain(a.outlet) === plain(b.outlet) && plain(a.title) === plain(b.title);
}

/**
 * The match's `reasons` for `before`, said of `after`, a newer version of the same story (a sync
 * while the side panel shows it): a reason that proves the page to be source [n] names the same
 * article by its number in `after`, or is dropped when `after` no longer cites it. Said as they
 * were, a newer version that numbers its sources otherwise made the page another outlet's.
 */
export function reasonsForNewer(reasons: readonly MatchReason[], before: Story, after: Story): MatchReason[] {
  return reasons.flatMap((r) => {
    if (!r.code || !PROOF_CODES.has(r.code)) return [r];
    const n = Number(r.args?.[0]);
    const was = before.sources.find((s) => s.n === n);
    const now = was && after.sources.find((s) => sameArticle(s, was));
    if (!now) return [];
    if (now.n === n && now.outlet === was.outlet) return [r];
    const args = r.args!.length > 1 ? [String(now.n), now.outlet] : [String(now.n)];
    const detail = r.detail.replace(`[${n}]`, `[${now.n}]`).replace(was.outlet, now.outlet);
    return [{ ...r, args, detail }];
  });
}

/** Where `page` stands in `story`, from the match's reasons and the page's address; null when the page names no outlet. */
export function placeReader(story: Story, page: PageRef, reasons: readonly MatchReason[]): Placement | null {
  const key = normalizeUrl(page.url);
  const n = provenSource(reasons);
  const source = story.sources.find((s) => (n !== null ? s.n === n : !!key && normalizeUrl(s.url) === key));
  const viewpoint = source && story.viewpoints.find((v) => v.id === source.viewpointId);
  if (source && viewpoint) return { kind: 'source', source, viewpoint };
  const outlet = pageOutlet(page);
  if (!outlet) return null;
  const same = sourceOfOutlet(story, page);
  const sameViewpoint = same && story.viewpoints.find((v) => v.id === same.viewpointId);
  if (same && sameViewpoint) return { kind: 'outlet', outlet: same.outlet, source: same, viewpoint: sameViewpoint };
  // A page declaring a cited outlet's name from another host (a mirror, a syndicated copy, a
  // spoof) is named by its host: "Riverton Ledger is not among this story's outlets" above
  // "Read [1] Riverton Ledger" would contradict the list.
  const name = plain(outlet);
  const claimed = story.sources.some((s) => plain(s.outlet) === name);
  return { kind: 'outside', outlet: (claimed && hostOf(page.url)) || outlet };
}

/** One viewpoint of the coverage with the source to read for it (null: the story cites none). */
export interface NextRead {
  viewpoint: Viewpoint;
  source: Source | null;
}

/**
 * For each viewpoint the reader is not reading, one source to read next: the first cited one
 * that can be opened (it has a URL), else the first cited. The reader's own source is never
 * offered. On an uncited page of a cited outlet, that outlet's cited article is its viewpoint's:
 * "Read [2] Fortune" on the row the note keys Fortune to.
 */
export function nextReads(story: Story, placement: Placement | null): NextRead[] {
  const mine = placement?.kind === 'source' ? placement : null;
  const outlet = placement?.kind === 'outlet' ? placement : null;
  return story.viewpoints
    .filter((v) => v.id !== mine?.viewpoint.id)
    .map((viewpoint) => {
      if (viewpoint.id === outlet?.viewpoint.id) return { viewpoint, source: outlet.source };
      const cited = story.sources.filter((s) => s.viewpointId === viewpoint.id).sort((a, b) => a.n - b.n);
      // Opened means linked: a source at an address Lens will not link to (the reader's own
      // network, `safeHref`) is offered only when no other can be opened.
      return { viewpoint, source: cited.find((s) => safeHref(s.url)) ?? cited[0] ?? null };
    });
}

// The reasons that say only that the page is source [n] (its address): "You're reading [n] …" says it too.
const ADDRESS_CODES = new Set(['reasonSource', 'reasonSourceNoOutlet']);

/** Whether `reason` says no more than `placement` does: the page is that source, by its address. */
export function restatesPlacement(reason: MatchReason | undefined, placement: Placement | null): boolean {
  if (!reason?.code || !ADDRESS_CODES.has(reason.code) || placement?.kind !== 'source') return false;
  return Number(reason.args?.[0]) === placement.source.n;
}

/** What "Find this article" asks the reader's search engine: the headline and the outlet, nothing else. */
export const searchTextFor = (source: Pick<Source, 'title' | 'outlet'>) => `${source.title} ${source.outlet}`;
