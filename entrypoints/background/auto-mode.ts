// Automatic mode: the auto-read script is registered on the sites the reader granted (and only
// while the permission stands); its findings are matched and badged without a click.
import { browser } from 'wxt/browser';
import type { Extraction } from '../../lib/article.ts';
import { autoOrigins, autoPatternFor, isNeverSite, sitePatterns } from '../../lib/reading-mode.ts';
import type { Sender } from '../../platform/messaging.ts';
import { readReadingMode, writeReadingMode } from '../../platform/settings.ts';
import { readingModeItem } from '../../platform/storage.ts';
import { throttleByKey } from '../../lib/throttle.ts';
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
    await browser.scripting.registerContentScripts([
      {
        id: AUTO_SCRIPT_ID,
        matches: origins,
        excludeMatches: mode.never.flatMap(sitePatterns),
        js: ['/auto-read.js'],
        runAt: 'document_idle',
        allFrames: false,
      },
    ]);
  } else if (mode.mode === 'auto') {
    await writeReadingMode({ ...mode, mode: 'click' });
  }
}

/**
 * A tab's automatic reads are matched at most once a second: a page calling pushState every
 * 20 ms made 731 reads in 20 s, each writing session storage and the badge. The latest read of
 * a burst is the one matched.
 */
export const AUTO_READ_GAP_MS = 1000;

type Tab = NonNullable<Sender['tab']>;

async function onAutoRead(tab: Tab, extraction: Extraction): Promise<void> {
  if (tab.id === undefined) return;
  const mode = await readReadingMode();
  // The script outlives a change of mind in tabs already open (it reads on after in-page
  // navigation): this tab's own site must still be chosen, granted and not excluded.
  if (mode.mode !== 'auto' || isNeverSite(tab.url, mode.never)) return;
  const pattern = autoPatternFor(tab.url, mode);
  if (!pattern || !(await activeAutoOrigins()).includes(pattern)) return;
  await reportExtraction(tab.id, extraction, { incognito: tab.incognito, url: tab.url });
}

const autoRead = throttleByKey<number, { tab: Tab; extraction: Extraction }>(
  (_, { tab, extraction }) => onAutoRead(tab, extraction).catch((err) => console.error('[factlen] automatic read failed', err)),
  AUTO_READ_GAP_MS,
);

/**
 * The `autoRead` message (platform/messaging.ts lets only a tab's top frame send it): queued for
 * the throttled match, answered at once.
 */
export function readAutomatically({ extraction }: { extraction: Extraction }, sender: Sender): null {
  const tab = sender.tab;
  if (tab?.id !== undefined && extraction && typeof extraction === 'object') autoRead(tab.id, { tab, extraction });
  return null;
}

export function setUpAutoMode(): void {
  browser.permissions.onAdded.addListener(() => void syncAutoRegistration());
  browser.permissions.onRemoved.addListener(() => void syncAutoRegistration());
  readingModeItem.watch(() => void syncAutoRegistration());
  browser.runtime.onStartup.addListener(() => void syncAutoRegistration());
  browser.runtime.onInstalled.addListener(() => void syncAutoRegistration());
}
