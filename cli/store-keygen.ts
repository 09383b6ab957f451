// lens store-keygen: the Ed25519 key a store is signed with.
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromBase64, toBase64 } from '../lib/store/bytes.ts';
import { CliError, lstatOrNull, printJson, type Io } from './io.ts';

export function storeKeygenCommand(args: string[], io: Io): void {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!values.out) throw new CliError('usage: store-keygen --out KEYFILE');
  // A link counts as there, even to nothing: the key must not be written wherever it points.
  if (lstatOrNull(values.out)) throw new CliError(`${values.out} exists; not overwriting a key`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  const raw = fromBase64(publicKey.export({ format: 'jwk' }).x!.replace(/-/g, '+').replace(/_/g, '/').padEnd(44, '='))!;
  printJson(io, { keyFile: values.out, publicKey: toBase64(raw) });
  io.warn(
    `Keep ${values.out} secret. Build the extension with FACTLEN_STORE_PUBLIC_KEY=${toBase64(raw)} and sign with build-store --sign ${values.out}.`,
  );
}
