// A minimal client for Marionette, Firefox's own automation protocol, used for one thing the
// WebDriver BiDi session cannot do in Firefox 140: reach browser UI (its chrome windows), where
// Firefox's alert window is. A click there goes to the extension as `notifications.onClicked`,
// through the same observer a reader's click fires.
import { connect, type Socket } from 'node:net';

export interface Marionette {
  /** Sends one command and returns its result; a Marionette error rejects. */
  send(command: string, params?: Record<string, unknown>): Promise<unknown>;
  close(): void;
}

/** Connects to the Marionette server on `port`, starts a session and switches to chrome context. */
export async function marionette(port: number): Promise<Marionette> {
  const socket: Socket = await new Promise((ok, fail) => {
    const s = connect(port, '127.0.0.1', () => ok(s)).on('error', fail);
  });
  // Messages are "<length in bytes>:<json>"; the server speaks first (its greeting).
  let buffer = Buffer.alloc(0);
  const waiting: ((message: unknown) => void)[] = [];
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const message = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      buffer = buffer.subarray(colon + 1 + length);
      if (Array.isArray(message) && message[0] === 1) {
        const [, id, error, result] = message as [1, number, { error: string; message: string } | null, unknown];
        const p = pending.get(id);
        pending.delete(id);
        if (error) p?.fail(new Error(`${error.error}: ${error.message}`));
        else p?.ok(result);
      } else waiting.shift()?.(message);
    }
  });
  await new Promise((greeted) => waiting.push(greeted));
  let next = 0;
  const send: Marionette['send'] = (command, params = {}) =>
    new Promise((ok, fail) => {
      const id = ++next;
      pending.set(id, { ok, fail });
      const body = JSON.stringify([0, id, command, params]);
      socket.write(`${Buffer.byteLength(body)}:${body}`);
    });
  await send('WebDriver:NewSession', { capabilities: {} });
  await send('Marionette:SetContext', { value: 'chrome' });
  return { send, close: () => socket.destroy() };
}
