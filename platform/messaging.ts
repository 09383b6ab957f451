/**
 * Typed request/response over `runtime.sendMessage`, the only way the contexts talk: every
 * message is named in lib/messages.ts.
 */
import { browser } from 'wxt/browser';
import { FROM_CONTENT_SCRIPT, type MessageType, type Messages, type Request } from '../lib/messages.ts';

/** Who sent a message, as the background's handlers may need it (the tab of a content script). */
export interface Sender {
  tab?: { id?: number; url?: string; incognito: boolean };
  frameId?: number;
}

type Handlers = { [K in MessageType]?: (req: Request<K>, sender: Sender) => Promise<Messages[K]['response']> | Messages[K]['response'] };

/** Sends `type` with `payload` to the background and resolves with its typed answer. */
export async function sendMessage<K extends MessageType>(type: K, payload: Messages[K]['request']): Promise<Messages[K]['response']> {
  const reply = (await browser.runtime.sendMessage({ type, ...payload })) as
    { ok: true; value: Messages[K]['response'] } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Sends `type` with `payload` to the background and resolves when it is delivered, without
 * reading the answer: for a sender that does nothing with it (the auto-read script), which then
 * carries none of `sendMessage`'s checks of it.
 */
export async function notify<K extends MessageType>(type: K, payload: Messages[K]['request']): Promise<void> {
  await browser.runtime.sendMessage({ type, ...payload });
}

type RawSender = { id?: string; url?: string; tab?: Sender['tab']; frameId?: number };

/**
 * Whether `type` may come from `sender`: our own extension always; an extension page (a page
 * opened as a tab has `sender.tab` too, so the URL decides) for every message but those of
 * FROM_CONTENT_SCRIPT, which only a tab's top frame sends.
 */
function allowed(type: string, sender: RawSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  if (FROM_CONTENT_SCRIPT.has(type)) return !!sender.tab && sender.frameId === 0;
  return !!sender.url?.startsWith(browser.runtime.getURL('/'));
}

/**
 * Registers one listener that routes each message to its handler. Uses `sendResponse` and
 * `return true` rather than a returned promise, which not every supported browser honours.
 */
export function handleMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: RawSender, sendResponse: (r: unknown) => void) => {
    const type = (msg as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type) || !allowed(type, sender)) return false;
    const handler = (handlers as Record<string, (r: unknown, s: Sender) => unknown>)[type]!;
    Promise.resolve()
      .then(() => handler(msg, { tab: sender.tab, frameId: sender.frameId }))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    return true;
  });
}
