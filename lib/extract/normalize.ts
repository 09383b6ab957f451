/** Normalisers for the values pages declare in many spellings. */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A page's date or date-time as ISO 8601 in UTC (`2026-06-21T16:32:00.000Z`); a bare date
 * stays a bare date, because inventing midnight would move it a day in half the world.
 */
export function normalizeTime(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v) return null;
  const dateOnly = DATE_ONLY.exec(v);
  if (dateOnly) return v;
  // "2026-06-21 16:32:00" is read as UTC, as most CMSs that omit the offset mean it.
  let s = /^\d{4}-\d{2}-\d{2} \d/.test(v) ? v.replace(' ', 'T') : v;
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(s)) s += 'Z';
  // "+0000" offsets are valid ISO 8601 but not accepted by every Date parser.
  s = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 1990 && year <= 2200 ? new Date(t).toISOString() : null;
}

/** A language tag reduced to its primary subtag: `en-US`, `en_GB` and `EN` all become `en`. */
export function normalizeLang(value: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(value ?? '');
  return m?.[1] ? m[1].toLowerCase() : null;
}
