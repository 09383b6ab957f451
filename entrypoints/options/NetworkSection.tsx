import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatNumber, t, tn, type MessageKey } from '../../platform/i18n.ts';
import { outcomeMessage, type KeptLedger } from '../../lib/net-ledger.ts';
import { getNetLedger, watchNetLedger } from '../../platform/storage.ts';

const outcomeText = (outcome: string) => {
  const [key, subs] = outcomeMessage(outcome);
  return t(key as MessageKey, subs);
};

/** Every request the extension made, newest first: the proof that only the store is contacted. */
export function NetworkSection() {
  const [ledger, setLedger] = useState<KeptLedger | null>(null);
  useEffect(() => {
    void getNetLedger().then(setLedger);
    return watchNetLedger(setLedger);
  }, []);
  if (!ledger) return null;
  const { entries, unreadable } = ledger;
  const origins = [...new Set(entries.map((e) => new URL(e.url).origin))];
  return (
    <section aria-labelledby="network-heading">
      <h2 id="network-heading">{t('networkHeading')}</h2>
      <p class="hint">{t('networkHint')}</p>
      {unreadable > 0 && <p data-testid="ledger-unreadable">{tn('networkUnreadable', unreadable)}</p>}
      {entries.length === 0 ? (
        !unreadable && <p data-testid="ledger-empty">{t('networkEmpty')}</p>
      ) : (
        <>
          <p data-testid="ledger-origins">{tn('networkOrigins', origins.length, [origins.join(', ')])}</p>
          {/* Named by the table's caption: named by the heading, it was a second landmark of the section's name (axe: landmark-unique). */}
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="network-caption">
            <table class="ledger" data-testid="ledger">
              <caption id="network-caption" class="visually-hidden">
                {t('networkCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('networkTime')}</th>
                  <th scope="col">{t('networkUrl')}</th>
                  <th scope="col">{t('networkBytes')}</th>
                  <th scope="col">{t('networkOutcome')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e, i) => (
                  <tr key={i}>
                    <td>{formatDate(new Date(e.at).toISOString())}</td>
                    <td class="ledger__url">
                      {e.method !== 'GET' ? `${e.method} ` : ''}
                      {e.url}
                    </td>
                    <td class="ledger__bytes">{formatNumber(e.bytes)}</td>
                    <td data-outcome={e.outcome}>{outcomeText(e.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
