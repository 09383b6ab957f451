// The match index's lifecycle in one worker (lib/store/index-cache.ts), with the saved index's
// storage faked: what is built when, which state the options page is told, what a failure costs.
import { describe, expect, it, vi } from 'vitest';
import type { StoryIndex } from '../../../lib/match/index.ts';
import type { Saved } from '../../../lib/match/persist.ts';
import { createIndexCache, type IndexStorage } from '../../../lib/store/index-cache.ts';

const view = (version: string) => ({ version, ids: new Set<string>(), all: async () => new Map() });
const fakeIndex = (version: string) => ({ version }) as unknown as StoryIndex;

/** A fake storage whose saves finish when the test says. */
function storage() {
  const calls: { version: string; saved: Promise<Saved | undefined> | undefined }[] = [];
  const saves: ((ok: boolean) => void)[] = [];
  let fail = false;
  const s = {
    indexFor: vi.fn(async (version: string, _source: unknown, deps: { saved?: Promise<Saved | undefined> }) => {
      calls.push({ version, saved: deps.saved });
      if (fail) throw new Error('disk gone');
      return { index: fakeIndex(version), saved: new Promise<boolean>((r) => saves.push(r)) };
    }),
    readSaved: vi.fn(async () => undefined),
    clearSaved: vi.fn(async () => undefined),
    warn: () => {},
  } satisfies IndexStorage;
  return { s, calls, saves, setFail: (f: boolean) => (fail = f) };
}

describe('the index cache', () => {
  it('builds once per version and tells how far the index has got', async () => {
    const { s, saves } = storage();
    const cache = createIndexCache(s);
    const [a, b] = await Promise.all([cache.indexOf(view('v1')), cache.indexOf(view('v1'))]);
    expect(a).toBe(b);
    expect(s.indexFor).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(cache.state('v1')).toBe('saving'));
    expect(cache.state('v2')).toBeNull();
    saves[0]!(true);
    await vi.waitFor(() => expect(cache.state('v1')).toBe('saved'));
  });

  it('says "unsaved" when the index could not be kept on the device', async () => {
    const { s, saves } = storage();
    const cache = createIndexCache(s);
    await cache.indexOf(view('v1'));
    saves[0]!(false);
    await vi.waitFor(() => expect(cache.state('v1')).toBe('unsaved'));
  });

  it('hands the early read to the first update only, and starts the next update after the first is saved', async () => {
    const { s, calls, saves } = storage();
    const cache = createIndexCache(s);
    expect(cache.idle).toBe(true);
    cache.readEarly();
    expect(cache.idle).toBe(false);
    await cache.indexOf(view('v1'));
    const second = cache.indexOf(view('v2'));
    await new Promise((r) => setTimeout(r, 5));
    expect(calls.map((c) => c.version)).toEqual(['v1']);
    saves[0]!(true);
    expect(await second).toEqual(fakeIndex('v2'));
    expect(calls[0]!.saved).toBeInstanceOf(Promise);
    expect(calls[1]!.saved).toBeUndefined();
  });

  it('tries a failed update again on the next call instead of remembering the failure', async () => {
    const { s, setFail } = storage();
    const cache = createIndexCache(s);
    setFail(true);
    await expect(cache.indexOf(view('v1'))).rejects.toThrow('disk gone');
    setFail(false);
    expect(await cache.indexOf(view('v1'))).toEqual(fakeIndex('v1'));
    expect(s.indexFor).toHaveBeenCalledTimes(2);
  });

  it('forgets an unreadable index and its saved copy, but never a newer one', async () => {
    const { s, saves } = storage();
    const cache = createIndexCache(s);
    const old = await cache.indexOf(view('v1'));
    saves[0]!(true);
    await cache.forget(old);
    expect(s.clearSaved).toHaveBeenCalledTimes(1);
    expect(cache.state('v1')).toBeNull();
    const rebuilt = await cache.indexOf(view('v1'));
    expect(s.indexFor).toHaveBeenCalledTimes(2);
    await cache.forget(old);
    expect(s.clearSaved).toHaveBeenCalledTimes(1);
    expect(await cache.indexOf(view('v1'))).toBe(rebuilt);
  });
});
