// The production build starts the injected scripts with bare calls where WXT guards them: the
// same values and the same errors, without the logger that prints nothing there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bareUnlistedEntry } from '../../build/unlisted-entry.ts';

const wxtEntry = readFileSync(new URL('../../node_modules/wxt/dist/virtual/unlisted-script-entrypoint.mjs', import.meta.url), 'utf8');

type Run = (main: () => unknown, log: (...args: unknown[]) => void) => unknown;

/** The entry module as a function of the script's `main` and the console, in build `mode`. */
function entry(code: string, mode: string): Run {
  const body = code
    .replace(/^import .*$/gm, '')
    .replace('export { result as default };', 'return result;')
    .replaceAll('import.meta.env.MODE', JSON.stringify(mode))
    .replaceAll('import.meta.env.ENTRYPOINT', '"auto-read"');
  const run = new Function('definition', 'initPlugins', 'console', body) as (d: object, i: () => void, c: object) => unknown;
  return (main, log) => run({ main }, () => {}, { debug: log, log, warn: log, error: log });
}

describe('the injected scripts’ start in a production build', () => {
  const guarded = entry(wxtEntry, 'production');
  const bare = entry(bareUnlistedEntry(wxtEntry), 'production');

  it('gives what the script returns, as WXT’s guard does', async () => {
    const value = { kind: 'article' };
    expect(
      bare(
        () => value,
        () => {},
      ),
    ).toBe(value);
    expect(
      guarded(
        () => value,
        () => {},
      ),
    ).toBe(value);
    await expect(
      bare(
        () => Promise.resolve(value),
        () => {},
      ),
    ).resolves.toBe(value);
  });

  it('throws what the script throws, and rejects with what it rejects with, as the guard does in production', async () => {
    const error = new Error('page gone');
    const logged: unknown[] = [];
    for (const run of [guarded, bare]) {
      expect(() =>
        run(
          () => {
            throw error;
          },
          (...a) => logged.push(a),
        ),
      ).toThrow(error);
      await expect(
        run(
          () => Promise.reject(error),
          (...a) => logged.push(a),
        ),
      ).rejects.toBe(error);
    }
    expect(logged).toEqual([]);
  });

  it('carries neither the logger nor its messages', () => {
    expect(wxtEntry).toContain('crashed on startup');
    expect(bareUnlistedEntry(wxtEntry)).not.toMatch(/crashed on startup|logger|console/);
  });

  it('stops the build if WXT’s entry changed', () => {
    expect(() => bareUnlistedEntry(wxtEntry.replace('throw err;', 'return;'))).toThrow(/entry changed/);
  });
});
