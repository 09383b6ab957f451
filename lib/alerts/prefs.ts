/** Alert preferences: one schema, a default per field, a bad field repaired alone. */
import { asFields, z } from '../zod.ts';

export const AlertPrefs = z.object({
  /** Stop all notifications (alerts still reach the list). */
  paused: z.boolean().catch(false),
  quietHours: z
    .object({
      enabled: z.boolean().catch(false),
      start: z
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .catch('22:00'),
      end: z
        .string()
        .regex(/^\d{2}:\d{2}$/)
        .catch('07:00'),
    })
    .catch({ enabled: false, start: '22:00', end: '07:00' }),
  maxPerSync: z.number().int().min(1).max(10).catch(3),
});
export type AlertPrefs = z.infer<typeof AlertPrefs>;
export const DEFAULT_ALERT_PREFS: AlertPrefs = AlertPrefs.parse({});

/** Stored alert preferences (anything), repaired field by field. */
export const parseAlertPrefs = (raw: unknown): AlertPrefs => AlertPrefs.parse(asFields(raw));

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** True when `now` (local time) falls in the quiet hours, which may span midnight. */
export function inQuietHours(prefs: AlertPrefs, now: Date): boolean {
  if (!prefs.quietHours.enabled) return false;
  const t = now.getHours() * 60 + now.getMinutes();
  const start = minutes(prefs.quietHours.start);
  const end = minutes(prefs.quietHours.end);
  return start <= end ? t >= start && t < end : t >= start || t < end;
}

/** When the quiet hours `now` falls in end (local time), or null when it falls in none. */
export function quietHoursEnd(prefs: AlertPrefs, now: Date): Date | null {
  if (!inQuietHours(prefs, now)) return null;
  const end = minutes(prefs.quietHours.end);
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), Math.floor(end / 60), end % 60);
  // Quiet hours that span midnight and began yesterday evening end today; else tomorrow.
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at;
}
