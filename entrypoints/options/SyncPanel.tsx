import { formatDate, t, tn, type MessageKey } from '../../platform/i18n.ts';
import { describeError } from '../../lib/store/errors.ts';
import type { SyncStatus } from '../../lib/store/settings.ts';

const translate = (key: string, subs: string[]) => t(key as MessageKey, subs);
const when = (ms: number) => formatDate(new Date(ms).toISOString());

/** "Downloading shard 3 of 12…" and the other steps of a sync, or nothing when idle. */
export function progressText(status: SyncStatus): string {
  const p = status.progress;
  if (!status.running || !p) return '';
  if (p.phase === 'manifest') return t('syncProgressManifest');
  if (p.phase === 'saving') return t('syncProgressSaving');
  return t('syncProgressShard', [Math.min(p.done + 1, p.total), p.total]);
}

/**
 * Past the manifest's expiry the stories in use are stale: the store stopped publishing, or a
 * server between the reader and it (a mirror, a CDN) keeps serving an old signed manifest to
 * freeze them. Said in words whatever the last sync's own error was.
 */
export function staleText(status: SyncStatus, now: number): string {
  const expires = status.expiresAt ? Date.parse(status.expiresAt) : NaN;
  return status.version !== null && expires <= now ? t('optionsStoreExpired', formatDate(status.expiresAt!)) : '';
}

/** The sync's state in words, and "Sync now". Text only: nothing from the store is rendered as HTML. */
export function SyncPanel(props: { status: SyncStatus; storeUrl: string | null; outcome: string; onSyncNow: () => void; now?: number }) {
  const { status, storeUrl } = props;
  const error = status.lastError;
  const stale = storeUrl ? staleText(status, props.now ?? Date.now()) : '';
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('optionsStatusHeading')}</h2>
      {!storeUrl && <p data-testid="bundled-only">{tn('optionsBundledOnly', status.counts.bundled)}</p>}
      {stale && (
        <p class="status__error" data-testid="store-stale" role="status">
          {stale}
        </p>
      )}
      <dl class="status">
        {storeUrl && (
          <>
            <dt>{t('optionsStoreLabel')}</dt>
            <dd data-testid="store-url">{storeUrl}</dd>
            <dt>{t('optionsLastSync')}</dt>
            <dd data-testid="last-sync">{status.lastSuccessAt !== null ? when(status.lastSuccessAt) : t('optionsNever')}</dd>
            <dt>{t('optionsVersion')}</dt>
            {/* The version is a number for machines; the reader is told when the store was published. */}
            <dd data-testid="store-version" data-version={status.version ?? undefined}>
              {status.version === null
                ? t('optionsNone')
                : status.generatedAt
                  ? t('optionsVersionValue', formatDate(status.generatedAt))
                  : String(status.version)}
            </dd>
          </>
        )}
        <dt>{t('optionsStories')}</dt>
        <dd data-testid="story-counts">{t('optionsStoriesValue', [status.counts.bundled, status.counts.remote, status.counts.total])}</dd>
        {storeUrl && (
          <>
            <dt>{t('optionsLastError')}</dt>
            <dd data-testid="last-error">
              {error ? (
                <div class="status__error">
                  <span>{describeError(error, translate)}</span>
                  <span>{t('optionsErrorKept')}</span>
                  {status.nextRetryAt !== null && <span>{t('optionsNextTry', when(status.nextRetryAt))}</span>}
                </div>
              ) : (
                t('optionsNoError')
              )}
            </dd>
          </>
        )}
      </dl>
      {status.rejected.length > 0 && (
        <details class="rejected" data-testid="rejected">
          <summary>{tn('optionsRejectedSummary', status.rejected.length)}</summary>
          <ul>
            {status.rejected.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {storeUrl && (
        <div class="actions">
          <button type="button" onClick={props.onSyncNow} disabled={status.running} aria-describedby="sync-progress">
            {status.running ? t('optionsSyncing') : t('optionsSyncNow')}
          </button>
          <p id="sync-progress" class="progress" role="status" aria-live="polite">
            {progressText(status) || props.outcome}
          </p>
        </div>
      )}
    </section>
  );
}
