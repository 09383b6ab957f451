import { t, type MessageKey } from '../platform/i18n.ts';
import type { MatchReason as Reason } from '../lib/match/types.ts';
import { withIsolates } from './Isolates.tsx';

/** One line saying why this story was matched, from the matcher's strongest reason. */
export function MatchReason({ reasons }: { reasons: Reason[] }) {
  const first = reasons[0];
  if (!first) return null;
  return (
    <p class="match-reason" data-kind={first.kind}>
      <span class="match-reason__label">{t('whyMatchedLabel')}</span>{' '}
      {/* The arguments quote the story and the page (an outlet, names, terms): each its own isolate. */}
      {first.code ? withIsolates((story) => t(first.code as MessageKey, first.args?.map(story))) : first.detail}
    </p>
  );
}
