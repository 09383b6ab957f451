/** Typed request/response over `runtime.sendMessage`, the only way the contexts talk. */
import { browser } from 'wxt/browser';
import type { MessageType, Messages, Request } from '../lib/messages.ts';

type Handlers = { [K in MessageType]?: (req: Request<K>) => Promise<Messages[K]['response']> | Messages[K]['response'] };

/** Sends `type` with `payload` to the background and resolves with its typed answer. */
export async function sendMessage<K extends MessageType>(type: K, payload: Messages[K]['request']): Promise<Messages[K]['response']> {
  const reply = (await browser.runtime.sendMessage({ type, ...payload })) as { ok: true; value: Messages[K]['response'] } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error(`No answer to ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Registers one listener that routes each message to its handler. Uses `sendResponse` and
 * `return true` rather than a returned promise, which not every supported browser honours.
 */
export function handleMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse: (r: unknown) => void) => {
    // Only our own pages may ask (a page opened as a tab has `sender.tab` too, so check the URL).
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(browser.runtime.getURL('/'))) return false;
    const type = (msg as { type?: unknown } | null)?.type;
    const handler = typeof type === 'string' ? (handlers as Record<string, (r: unknown) => unknown>)[type] : undefined;
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(msg))
      .then((value) => sendResponse({ ok: true, value }), (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    return true;
  });
}
