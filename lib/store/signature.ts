/**
 * Ed25519 signatures over the manifest's exact bytes. WebCrypto's Ed25519 where the browser has
 * it (Chrome 137+, Firefox 129+, Node 20); otherwise @noble/ed25519, loaded only then.
 */
import { fromBase64 } from './bytes.ts';

/** The signature file beside a manifest: `manifest.json.sig`, base64 of 64 bytes. */
export const SIGNATURE_SUFFIX = '.sig';

/** The raw 32-byte public key of a base64 string, or null when it is not one. */
export function parsePublicKey(base64: string): Uint8Array | null {
  const key = fromBase64(base64);
  return key && key.byteLength === 32 ? key : null;
}

type Subtle = Pick<SubtleCrypto, 'importKey' | 'verify'>;

async function verifyWebCrypto(subtle: Subtle, key: Uint8Array, sig: Uint8Array, data: Uint8Array): Promise<boolean | null> {
  let imported: CryptoKey;
  try {
    imported = await subtle.importKey('raw', key as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch (err) {
    // NotSupportedError: no Ed25519 in this browser's WebCrypto. Anything else is a bad key.
    if ((err as { name?: string }).name === 'NotSupportedError') return null;
    return false;
  }
  return subtle.verify({ name: 'Ed25519' }, imported, sig as BufferSource, data as BufferSource);
}

/**
 * True when `signatureText` (base64) is `publicKey`'s signature of `data`. `subtle` is injectable
 * so the fallback path is tested where WebCrypto does have Ed25519.
 */
export async function verifySignature(
  data: Uint8Array,
  signatureText: string,
  publicKey: Uint8Array,
  subtle: Subtle = crypto.subtle,
): Promise<boolean> {
  const sig = fromBase64(signatureText.trim());
  if (!sig || sig.byteLength !== 64) return false;
  const viaWebCrypto = await verifyWebCrypto(subtle, publicKey, sig, data);
  if (viaWebCrypto !== null) return viaWebCrypto;
  const { verifyAsync } = await import('@noble/ed25519');
  try {
    return await verifyAsync(sig, data, publicKey);
  } catch {
    return false;
  }
}
