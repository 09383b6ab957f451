// The extension's English messages (public/_locales/en), so the CLI words errors exactly as the
// options page does for an English reader.
import { readFileSync } from 'node:fs';

const table: Record<string, { message: string }> = JSON.parse(readFileSync(new URL('../public/_locales/en/messages.json', import.meta.url), 'utf8'));

/** The English message `key` with `$1`… filled from `subs`. */
export function english(key: string, subs: string[] = []): string {
  return (table[key]?.message ?? '').replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '').replace(/\$\$/g, '$');
}
