// Automatic mode: the auto-read script is registered on the sites the reader granted (and only
// while the permission stands); its findings are matched and badged without a click.
import { browser } from 'wxt/browser';
import type { Extraction } from '../../lib/article.ts';
import { autoOrigins, isNeverSite, readingModeItem, readReadingMode, sitePatterns } from '../../lib/reading-mode.ts';
import { reportExtraction } from './match-tab.ts';

export const AUTO_SCRIPT_ID = 'factlen-auto-read';

/** The auto-read patterns the reader both chose and granted; empty when automatic mode is off. */
export async function activeAutoOrigins(): Promise<string[]> {
  const mode = await readReadingMode();
  if (mode.mode !== 'auto') return [];
  const granted = new Set((await browser.permissions.getAll()).origins ?? []);
  return autoOrigins(mode).filter((p) => granted.has(p));
}

/**
 * Registers (or drops) the auto-read script to match the mode and the grants. A permission the
 * reader revoked in the browser turns automatic mode off cleanly: back to on click.
 */
export async function syncAutoRegistration(): Promise<void> {
  const mode = await readReadingMode();
  const origins = await activeAutoOrigins();
  await browser.scripting.unregisterContentScripts({ ids: [AUTO_SCRIPT_ID] }).catch(() => {});
  if (origins.length) {
    await browser.scripting.registerContentScripts([{
      id: AUTO_SCRIPT_ID, matches: origins, excludeMatches: mode.never.flatMap(sitePatterns), js: ['/auto-read.js'], runAt: 'document_idle', allFrames: false,
    }]);
  } else if (mode.mode === 'auto') {
    await readingModeItem.setValue({ ...mode, mode: 'click' });
  }
}

async function onAutoRead(tab: { id?: number; url?: string; incognito: boolean }, extraction: Extraction): Promise<void> {
  if (tab.id === undefined) return;
  const mode = await readReadingMode();
  // The script may outlive a change of mind by a page load: check again before reading.
  if (mode.mode !== 'auto' || isNeverSite(tab.url, mode.never)) return;
  if (!(await activeAutoOrigins()).length) return;
  await reportExtraction(tab.id, extraction, { incognito: tab.incognito });
}

export function setUpAutoMode(): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender) => {
    const m = msg as { type?: unknown; extraction?: Extraction } | null;
    if (m?.type !== 'autoRead' || sender.id !== browser.runtime.id || !sender.tab || sender.frameId !== 0 || !m.extraction) return false;
    void onAutoRead(sender.tab, m.extraction).catch((err) => console.error('[factlen] automatic read failed', err));
    return false;
  });
  browser.permissions.onAdded.addListener(() => void syncAutoRegistration());
  browser.permissions.onRemoved.addListener(() => void syncAutoRegistration());
  readingModeItem.watch(() => void syncAutoRegistration());
  browser.runtime.onStartup.addListener(() => void syncAutoRegistration());
  browser.runtime.onInstalled.addListener(() => void syncAutoRegistration());
}
