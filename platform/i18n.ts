/**
 * UI strings through the browser's i18n (`_locales/<lang>/messages.json`) and numbers and dates
 * through `Intl` for the reader's locale.
 */
import { browser } from 'wxt/browser';

type Subs = string | number | (string | number)[];
/** Every key of `_locales/en/messages.json`, as WXT types them. */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
type PluralBase = { [K in MessageKey]: K extends `${infer B}One` ? B : never }[MessageKey];

/** The message `key` in the reader's language, with `$1`… placeholders filled from `subs`. */
export function t(key: MessageKey, subs?: Subs): string {
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  return browser.i18n.getMessage(key, list) || key;
}

/** `t(key + 'One' | key + 'Other', n)`, picked by the locale's plural rule for `n`. */
export function tn(key: PluralBase, n: number, extra: (string | number)[] = []): string {
  const form = new Intl.PluralRules(locale()).select(n) === 'one' ? 'One' : 'Other';
  return t(`${key}${form}` as MessageKey, [formatNumber(n), ...extra]);
}

export function locale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

export const formatNumber = (n: number) => new Intl.NumberFormat(locale()).format(n);

/** A share 0..1 as the locale writes a whole percentage ("35%", "35 %"). */
export const formatPercent = (share: number) =>
  new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);

export function formatDate(iso: string, withTime = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(d);
}
