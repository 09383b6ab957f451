/**
 * What alerts remember, all on the device: what the reader follows, what they were told, the
 * list of recent alerts. A damaged stored value is repaired, never fatal.
 */
import { storage } from 'wxt/utils/storage';
import type { Alert, Follows, Ledger } from './decide.ts';

// Pages read follows too, and zod stays out of them (its size), so the repair is by hand.
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : []);

export const followsItem = storage.defineItem<Follows>('local:follows', { fallback: { topics: [], stories: [] } });

/** Reads what the reader follows, repairing a damaged value. */
export async function getFollows(): Promise<Follows> {
  const raw = (await followsItem.getValue()) as Partial<Follows> | null;
  return { topics: strings(raw?.topics), stories: strings(raw?.stories) };
}

/** Adds or removes a topic or a story from what the reader follows. */
export async function setFollow(kind: 'topics' | 'stories', id: string, on: boolean): Promise<Follows> {
  const current = await getFollows();
  const list = new Set(current[kind]);
  if (on) list.add(id);
  else list.delete(id);
  const next = { ...current, [kind]: [...list] };
  await followsItem.setValue(next);
  return next;
}

export const ledgerItem = storage.defineItem<Ledger>('local:alertLedger', { fallback: { told: [], outlets: {} } });

/** An alert in the reader's list, with when it was raised and whether it was seen. */
export interface ListedAlert {
  alert: Alert;
  at: number;
  read: boolean;
}

/** The list keeps the newest alerts only. */
export const MAX_LISTED = 50;
export const alertListItem = storage.defineItem<ListedAlert[]>('local:alertList', { fallback: [] });

