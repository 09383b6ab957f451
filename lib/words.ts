/**
 * The UI's words as the core sees them: handed in (platform/i18n.ts in the extension), or filled
 * from the English messages table where there is no browser (the CLI, tests).
 */

/** `t` and `tn` of platform/i18n.ts, for core code that words something without a browser. */
export interface Words {
  t(key: string, subs?: string | number | (string | number)[]): string;
  tn(key: string, n: number, extra?: (string | number)[]): string;
}

/** A `messages.json` message with `$1`… filled from `subs` and `$$` as `$`, as browsers fill them. */
export function fillMessage(message: string, subs: readonly string[] = []): string {
  return message.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '').replace(/\$\$/g, '$');
}
