/**
 * What alerts remember, all on the device (the items are in platform/storage.ts): what the
 * reader follows, what they were told, the list of recent alerts. A damaged stored value is
 * repaired, never fatal.
 */
import type { Alert, Follows } from './decide.ts';

// Pages read follows too, and zod stays out of them (its size), so the repair is by hand.
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);

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

/** An alert in the reader's list, with when it was raised and whether it was seen. */
export interface ListedAlert {
  alert: Alert;
  at: number;
  read: boolean;
}

/** The list keeps the newest alerts only. */
export const MAX_LISTED = 50;
