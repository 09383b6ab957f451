// Every unit test starts from a clean fake browser whose i18n answers from the English messages,
// as the real one does for an English reader.
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';
import { fillMessage } from '../../lib/words.ts';

const table = messages as Record<string, { message: string }>;

export function getMessage(key: string, subs?: string | string[]): string {
  return fillMessage(table[key]?.message ?? '', subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
}

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
