import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../platform/i18n.ts';
import { permissionChange, readingModeFromForm, type ReadingMode } from '../../lib/reading-mode.ts';
import { BUILD_STORE_URL } from '../../lib/store/build-config.ts';
import { storeOrigins } from '../../lib/store-permission.ts';
import { readReadingMode, readSettings, writeReadingMode } from '../../platform/settings.ts';
import { readingModeItem } from '../../platform/storage.ts';

/** On click or automatically, on which sites, and the sites never to read. */
export function ModeSection() {
  const [saved, setSaved] = useState<ReadingMode | null>(null);
  const [mode, setMode] = useState<ReadingMode['mode']>('click');
  const [scope, setScope] = useState<ReadingMode['scope']>('all');
  const [sites, setSites] = useState('');
  const [never, setNever] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    const load = () =>
      void readReadingMode().then((m) => {
        setSaved(m);
        setMode(m.mode);
        setScope(m.scope);
        setSites(m.sites.join('\n'));
        setNever(m.never.join('\n'));
      });
    load();
    return readingModeItem.watch(load);
  }, []);
  if (!saved) return null;

  const onSubmit = (e: Event) => {
    e.preventDefault();
    setNotice(null);
    const asked = readingModeFromForm({ mode, scope, sites, never });
    if ('error' in asked) {
      return setNotice({ kind: 'error', text: asked.error === 'bad-sites' ? t('modeBadSites', asked.bad.join(', ')) : t('modeNoSites') });
    }
    const next = asked.mode;
    const { wanted } = permissionChange(saved, next);
    // Asked in the click itself: the browser lets an extension ask only during a user action.
    const granted = wanted.length ? browser.permissions.request({ origins: wanted }).catch(() => false) : Promise.resolve(true);
    void granted.then(async (ok) => {
      if (!ok) return setNotice({ kind: 'error', text: t('modeDenied') });
      await writeReadingMode(next);
      // Give back what automatic mode no longer needs, but the store's own origin.
      const { dropped } = permissionChange(saved, next, storeOrigins(await readSettings(), BUILD_STORE_URL));
      if (dropped.length) await browser.permissions.remove({ origins: dropped }).catch(() => false);
      setNotice({ kind: 'ok', text: next.mode === 'auto' ? t('modeSavedAuto') : t('modeSavedClick') });
    });
  };

  return (
    <section aria-labelledby="mode-heading">
      <h2 id="mode-heading">{t('modeHeading')}</h2>
      <form class="mode-form" onSubmit={onSubmit}>
        <fieldset>
          <legend>{t('modeLegend')}</legend>
          <label class="check">
            <input type="radio" name="mode" value="click" checked={mode === 'click'} onChange={() => setMode('click')} />
            <span>
              <strong>{t('modeClick')}</strong> — {t('modeClickHint')}
            </span>
          </label>
          <label class="check">
            <input type="radio" name="mode" value="auto" checked={mode === 'auto'} onChange={() => setMode('auto')} />
            <span>
              <strong>{t('modeAuto')}</strong> — {t('modeAutoHint')}
            </span>
          </label>
          <div class="mode-form__sub" hidden={mode !== 'auto'}>
            <label class="check">
              <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} />
              <span>{t('modeScopeAll')}</span>
            </label>
            <label class="check">
              <input type="radio" name="scope" value="listed" checked={scope === 'listed'} onChange={() => setScope('listed')} />
              <span>{t('modeScopeListed')}</span>
            </label>
            <div class="field">
              <label for="auto-sites">{t('modeSitesLabel')}</label>
              <textarea
                id="auto-sites"
                rows={3}
                value={sites}
                disabled={scope !== 'listed'}
                onInput={(e) => setSites((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </div>
          </div>
        </fieldset>
        <div class="field">
          <label for="never-sites">{t('modeNeverLabel')}</label>
          <textarea id="never-sites" rows={3} value={never} onInput={(e) => setNever((e.currentTarget as HTMLTextAreaElement).value)} />
          <p class="hint">{t('modeNeverHint')}</p>
        </div>
        <p class="hint">{t('modePrivateHint')}</p>
        <div class="actions">
          <button type="submit">{t('modeSave')}</button>
          {notice && (
            <p class="notice" role={notice.kind === 'error' ? 'alert' : 'status'} data-kind={notice.kind}>
              {notice.text}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
