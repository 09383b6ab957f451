import type { ComponentChildren } from 'preact';
import { t } from '../platform/i18n.ts';
import { safeHref } from '../lib/story/links.ts';

/** A link out of the extension: http(s) only, a new tab, no opener, no referrer. */
export function ExternalLink({ href, children, class: cls }: { href?: string | null; children: ComponentChildren; class?: string }) {
  const safe = safeHref(href);
  if (!safe) return <span class={cls}>{children}</span>;
  return (
    <a class={cls} href={safe} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
