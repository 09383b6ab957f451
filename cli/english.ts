// The extension's English messages (public/_locales/en), so the CLI words errors exactly as the
// options page does for an English reader.
import { readFileSync } from 'node:fs';
import { describeError, recordError, type StoreError } from '../lib/store/errors.ts';
import { fillMessage } from '../lib/words.ts';

const table: Record<string, { message: string }> = JSON.parse(
  readFileSync(new URL('../public/_locales/en/messages.json', import.meta.url), 'utf8'),
);

/** The English message `key` with `$1`… filled from `subs`. */
export function english(key: string, subs: string[] = []): string {
  return fillMessage(table[key]?.message ?? '', subs);
}

/** A store error in the words the options page would show an English reader. */
export const describeStoreError = (err: StoreError) => describeError(recordError(err), english);
