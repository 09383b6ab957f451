/**
 * What alerts remember, all on the device (the items are in platform/storage.ts): what the
 * reader follows, what they were told, the list of recent alerts. A damaged stored value is
 * repaired, never fatal. The ledger and the list stay within a fixed number of bytes whatever a
 * store sends (docs/security.md, "Alerts").
 */
import { hash64 } from '../match/fnv.ts';
import { clipLine } from '../words.ts';
import type { Alert, Follows, Ledger } from './decide.ts';

// Pages read follows too, and zod stays out of them (its size), so the repair is by hand.
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** What the reader follows, from a stored value that may be damaged or missing. */
export function repairFollows(raw: unknown): Follows {
  const got = raw as Partial<Follows> | null | undefined;
  return { topics: strings(got?.topics), stories: strings(got?.stories) };
}

/** `follows` with a topic or story added (`on`) or removed. */
export function addFollow(follows: Follows, kind: 'topics' | 'stories', id: string, on: boolean): Follows {
  const list = new Set(follows[kind]);
  if (on) list.add(id);
  else list.delete(id);
  return { ...follows, [kind]: [...list] };
}

/**
 * The bytes `value` costs in the local storage area as Chrome counts them against its 10 MB
 * quota (with the key's name), or a little more: its JSON in UTF-8 as Chrome's JSON writer makes
 * it, which escapes "<", U+2028 and U+2029 to six bytes each and writes a number that is not a
 * 32-bit integer as a double ("1.765101234567e+12" for a time, "5.0"). Measured in Chromium 156
 * (tests/e2e/alerts.test.ts). Firefox keeps values as structured clones.
 */
export function storedBytes(value: unknown): number {
  let doubles = 0;
  const json =
    JSON.stringify(value, (_, v: unknown) => {
      if (typeof v === 'number' && v !== (v | 0)) doubles += Math.max(String(v).length + 2, v.toExponential().length) - String(v).length;
      return v;
    }) ?? '';
  let bytes = doubles;
  for (const c of json) {
    const u = c.codePointAt(0)!;
    bytes += c === '<' || u === 0x2028 || u === 0x2029 ? 6 : u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// The ledger.

/** The ledger keeps the newest this many keys. */
export const MAX_TOLD = 5000;
const HASHED = /^[0-9a-f]{16}$/;

/**
 * What the ledger keeps for an alert key (`story:<id>`, `viewpoint:<id>:<vp>`,
 * `represented:<id>:<name>`): its 64-bit hash in 16 hex digits, however long the name in it. As
 * text, 5,000 keys carrying 300-character names a store chose were 8.6 MB of the 10 MB quota.
 */
export const toldKey = (key: string): string => hash64(key);

/**
 * The ledger from a stored value that may be damaged, or written before version 2 kept keys as
 * text: every key as `toldKey` makes it (so an alert already told is still recognised), the
 * newest MAX_TOLD kept. A ledger already in this shape comes back the same.
 */
export function repairLedger(raw: unknown): Ledger {
  const got = isObject(raw) ? raw : {};
  const told = [...new Set(strings(got.told).map((k) => (HASHED.test(k) ? k : toldKey(k))))].slice(-MAX_TOLD);
  const outlets = isObject(got.outlets) ? Object.entries(got.outlets).filter((e): e is [string, number] => typeof e[1] === 'number') : [];
  return { told, outlets: Object.fromEntries(outlets) };
}

// The alert list.

/** An alert in the reader's list, with when it was raised and whether it was seen. */
export interface ListedAlert {
  alert: Alert;
  at: number;
  read: boolean;
}

/** The list keeps the newest alerts only: at most this many, */
export const MAX_LISTED = 50;
/** within this many bytes of local storage (`storedBytes`), the oldest dropped first. */
export const MAX_LIST_BYTES = 100_000;
/** An alert names at most this many viewpoints and as many perspectives, and counts the rest, */
export const ALERT_NAMES = 3;
/** each name one line of at most this many characters (cut at a word), */
export const ALERT_NAME_CHARS = 80;
/** and the story's title at most this many. */
export const ALERT_TITLE_CHARS = 150;

/** A few of `names` as an alert carries them (`clipLine`), and how many more there are. */
export function fewNames(names: readonly string[], more: number | undefined = 0): { names: string[]; more: number } {
  const all = strings(names);
  return {
    names: all.slice(0, ALERT_NAMES).map((n) => clipLine(n, ALERT_NAME_CHARS)),
    more: (Number.isSafeInteger(more) && more > 0 ? more : 0) + Math.max(0, all.length - ALERT_NAMES),
  };
}

/** `alert` within the sizes above; an alert already within them comes back the same. */
export function compactAlert(alert: Alert): Alert {
  const title = clipLine(alert.title, ALERT_TITLE_CHARS);
  if (alert.kind === 'new-story') return { ...alert, title };
  const viewpoints = fewNames(alert.newViewpoints, alert.moreViewpoints);
  const represented = fewNames(alert.nowRepresented, alert.moreRepresented);
  return {
    ...alert,
    title,
    newViewpoints: viewpoints.names,
    moreViewpoints: viewpoints.more,
    nowRepresented: represented.names,
    moreRepresented: represented.more,
  };
}

const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
const isAlert = (a: unknown): a is Alert =>
  isObject(a) &&
  typeof a.storyId === 'string' &&
  typeof a.topic === 'string' &&
  typeof a.title === 'string' &&
  ((a.kind === 'new-story' && isCount(a.outlets) && isCount(a.viewpoints)) ||
    (a.kind === 'story-update' && Array.isArray(a.newViewpoints) && Array.isArray(a.nowRepresented) && isCount(a.newOutlets)));
/** A time a `Date` can hold (ECMA-262 21.4.1.1): a list item's `at` outside it threw in the pages' date formatting. */
const isTime = (at: unknown): at is number => typeof at === 'number' && Math.abs(at) <= 8.64e15;

/**
 * `items` (newest first) as the list keeps them: damaged items dropped, each alert compacted,
 * at most MAX_LISTED items within MAX_LIST_BYTES. Also the migration of a list written before
 * version 2, which kept every name whole, and the repair of the stored list on every read
 * (platform/storage.ts `getAlertList`): a damaged item is skipped and the others shown.
 */
export function boundList(items: unknown): ListedAlert[] {
  const kept: ListedAlert[] = [];
  let bytes = 2; // []
  for (const item of Array.isArray(items) ? items : []) {
    if (kept.length === MAX_LISTED) break;
    if (!isObject(item) || !isAlert(item.alert) || !isTime(item.at)) continue;
    const listed: ListedAlert = { alert: compactAlert(item.alert), at: item.at, read: item.read === true };
    bytes += storedBytes(listed) + 1;
    if (bytes > MAX_LIST_BYTES) break;
    kept.push(listed);
  }
  return kept;
}

/** The list with `alerts`, raised `at`, unread, in front of `list`. */
export const listAlerts = (alerts: readonly Alert[], list: readonly ListedAlert[], at: number): ListedAlert[] =>
  boundList([...alerts.map((alert) => ({ alert, at, read: false })), ...list]);

/** The identity of an alert in the list (its story and when it was raised): what `markRead` is told. */
export const alertKey = (a: ListedAlert): string => `${a.alert.storyId}-${a.at}`;

/** How many alerts of the list the reader has not seen: the number on the badge and the buttons. */
export const unreadCount = (list: readonly ListedAlert[]): number => list.filter((a) => !a.read).length;

/**
 * The list with the alerts of `keys` (`alertKey`) read, or all of them without `keys`; null when
 * that changes nothing, so a page that merely shows a read list writes nothing.
 */
export function markRead(list: readonly ListedAlert[], keys?: Iterable<string>): ListedAlert[] | null {
  const only = keys && new Set(keys);
  const marks = (a: ListedAlert) => !a.read && (!only || only.has(alertKey(a)));
  return list.some(marks) ? list.map((a) => (marks(a) ? { ...a, read: true } : a)) : null;
}

/** The list with the alerts on `storyId` read (the reader opened it from one), or null when none was unread. */
export const markStoryRead = (list: readonly ListedAlert[], storyId: string): ListedAlert[] | null =>
  markRead(list, list.filter((a) => a.alert.storyId === storyId).map(alertKey));
