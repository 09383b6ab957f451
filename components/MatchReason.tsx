import { t, type MessageKey } from '../platform/i18n.ts';
import type { MatchReason as Reason } from '../lib/match/types.ts';

/** One line saying why this story was matched, from the matcher's strongest reason. */
export function MatchReason({ reasons }: { reasons: Reason[] }) {
  const first = reasons[0];
  if (!first) return null;
  return (
    <p class="match-reason" data-kind={first.kind}>
      <span class="match-reason__label">{t('whyMatchedLabel')}</span> {first.code ? t(first.code as MessageKey, first.args) : first.detail}
    </p>
  );
}
