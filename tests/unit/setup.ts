// Every unit test starts from a clean fake browser whose i18n answers from the English messages,
// as the real one does for an English reader.
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en/messages.json';

const table = messages as Record<string, { message: string }>;

export function getMessage(key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const msg = table[key]?.message ?? '';
  return msg.replace(/\$(\d)/g, (_, d: string) => list[Number(d) - 1] ?? '').replace(/\$\$/g, '$');
}

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
});
