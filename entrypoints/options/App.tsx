import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../platform/i18n.ts';
import { sendMessage } from '../../platform/messaging.ts';
import { BUILD_STORE_URL } from '../../lib/store/build-config.ts';
import { effectiveStoreUrl, parseStatus, type StoreSettings, type SyncStatus } from '../../lib/store/settings.ts';
import { readReadingMode, readSettings, readStatus } from '../../platform/settings.ts';
import { heldBesidesStore, storePermissionToRelease } from '../../lib/store-permission.ts';
import { settingsItem, statusItem } from '../../platform/storage.ts';
import { checkStoreUrl } from '../../lib/store/store-url.ts';
import { AlertsSection } from './AlertsSection.tsx';
import { ModeSection } from './ModeSection.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { StoreForm, type StoreFormValues } from './StoreForm.tsx';
import { SyncPanel } from './SyncPanel.tsx';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

/** Gives back the permission of a store the reader no longer uses, unless something else needs it. */
async function release(oldUrl: string | null, newUrl: string | null): Promise<void> {
  const held = heldBesidesStore(browser.runtime.getManifest() as { permissions?: string[] }, await readReadingMode());
  const origin = storePermissionToRelease(oldUrl, newUrl, held);
  if (origin) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
}

export function App() {
  const [settings, setSettings] = useState<StoreSettings | null>(null);
  const [status, setStatus] = useState<SyncStatus>(() => parseStatus(null));
  const [notice, setNotice] = useState<Notice>(null);
  const [outcome, setOutcome] = useState('');

  // A storage read that fails (a damaged profile, a full disk) said nothing: the page stayed blank.
  const [unreadable, setUnreadable] = useState('');
  const load = () =>
    readSettings().then(
      (s) => (setUnreadable(''), setSettings(s)),
      (e: unknown) => setUnreadable(e instanceof Error ? e.message : String(e)),
    );

  useEffect(() => {
    void load();
    void sendMessage('getStoreStatus', {})
      .catch(() => readStatus())
      .then(setStatus);
    // The background writes the status (and the sync's progress) to storage; follow it live.
    const unwatchStatus = statusItem.watch((value) => setStatus(parseStatus(value)));
    const unwatchSettings = settingsItem.watch(() => void load());
    return () => {
      unwatchStatus();
      unwatchSettings();
    };
  }, []);

  if (!settings && unreadable)
    return (
      <main class="options">
        <p role="alert">{t('optionsUnreadable', unreadable)}</p>
        <button type="button" onClick={() => void load()}>
          {t('optionsTryAgain')}
        </button>
      </main>
    );
  if (!settings) return <main class="options" aria-busy="true" />;
  const storeUrl = effectiveStoreUrl(settings, BUILD_STORE_URL);

  const onSave = (values: StoreFormValues) => {
    const url = values.storeUrl.trim();
    setNotice(null);
    // Saving starts a new sync: an earlier "Sync failed." no longer describes anything.
    setOutcome('');
    let granted: Promise<boolean> = Promise.resolve(true);
    let origin = '';
    if (url) {
      const checked = checkStoreUrl(url);
      if (!checked.ok) {
        setNotice({ kind: 'error', text: t('syncError_bad_url', url) });
        return;
      }
      origin = checked.origin;
      // Asked here, in the submit itself: browsers let an extension ask only during a user action.
      // An origin already granted (the build's store) is answered yes without a prompt.
      granted = browser.permissions.request({ origins: [checked.originPattern] }).catch(() => false);
    }
    void granted.then(async (ok) => {
      if (!ok) {
        setNotice({ kind: 'error', text: t('optionsPermissionDenied', origin) });
        return;
      }
      try {
        // The build's own store is kept as "the default", so a newer build's default is followed.
        const next = await sendMessage('saveStoreSettings', {
          storeUrl: url && url === BUILD_STORE_URL ? null : url,
          syncMinutes: values.syncMinutes,
        });
        // A permission not given back is only kept longer: the saved store stands either way.
        void release(storeUrl, url || null).catch((err: unknown) =>
          console.warn('[factlen] the old store permission could not be given back', err),
        );
        setStatus(next);
        setSettings(await readSettings());
        setNotice({ kind: 'ok', text: t('optionsSaved') });
      } catch (err) {
        setNotice({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
      }
    });
  };

  const onSyncNow = () => {
    setOutcome('');
    void sendMessage('syncNow', {}).then(
      (next) => {
        setStatus(next);
        setOutcome(next.lastError ? t('syncFailed') : t('syncDone'));
      },
      (err: unknown) => setOutcome(err instanceof Error ? err.message : String(err)),
    );
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <StoreForm
        initial={{ storeUrl: storeUrl ?? '', syncMinutes: settings.syncMinutes }}
        defaultUrl={BUILD_STORE_URL}
        notice={notice}
        onSave={onSave}
        onEdit={() => setNotice(null)}
      />
      <SyncPanel status={status} storeUrl={storeUrl} outcome={outcome} onSyncNow={onSyncNow} />
      <ModeSection />
      <AlertsSection storeVersion={status.version} />
      <NetworkSection />
    </main>
  );
}
