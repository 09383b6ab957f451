// The one message door: which sender may send which message (platform/messaging.ts).
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessages } from '../../platform/messaging.ts';

const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
const contentScript = (frameId: number) => ({
  id: fakeBrowser.runtime.id,
  url: 'https://news.example/a',
  tab: { id: 3, url: 'https://news.example/a', incognito: false },
  frameId,
});

/** Sends `msg` as `sender`; resolves with the reply, or 'unanswered' when no handler took it. */
async function send(msg: unknown, sender: object): Promise<unknown> {
  let reply: unknown = 'unanswered';
  await fakeBrowser.runtime.onMessage.trigger(msg, sender as never, (r: unknown) => (reply = r));
  await vi.waitFor(() => Promise.resolve());
  await new Promise((r) => setTimeout(r, 0));
  return reply;
}

describe('handleMessages', () => {
  it("answers an extension page's message through its handler", async () => {
    handleMessages({ getTabReport: ({ tabId }) => (tabId === 5 ? null : null) });
    expect(await send({ type: 'getTabReport', tabId: 5 }, page())).toEqual({ ok: true, value: null });
  });

  it("takes autoRead from a tab's top frame only, with the tab handed to the handler", async () => {
    const autoRead = vi.fn(() => null);
    handleMessages({ autoRead });
    const msg = {
      type: 'autoRead',
      extraction: { kind: 'not-article', reason: 'not-readerable', url: 'https://news.example/a', title: '' },
    };
    expect(await send(msg, contentScript(2))).toBe('unanswered');
    expect(await send(msg, contentScript(0))).toEqual({ ok: true, value: null });
    expect(autoRead).toHaveBeenCalledTimes(1);
    expect(autoRead.mock.calls[0]).toEqual([msg, { tab: contentScript(0).tab, frameId: 0 }]);
  });

  it('refuses a page-only message from a content script, and any message from another extension', async () => {
    const matchTab = vi.fn();
    handleMessages({ matchTab });
    expect(await send({ type: 'matchTab', tabId: 3 }, contentScript(0))).toBe('unanswered');
    expect(await send({ type: 'matchTab', tabId: 3 }, { ...page(), id: 'another-extension' })).toBe('unanswered');
    expect(matchTab).not.toHaveBeenCalled();
  });

  it('ignores a message type that is only a name on every object', async () => {
    handleMessages({});
    expect(await send({ type: 'constructor' }, page())).toBe('unanswered');
    expect(await send({ type: 'toString' }, page())).toBe('unanswered');
  });
});
