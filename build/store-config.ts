/**
 * Build-time store settings from the environment: FACTLEN_STORE_URL (the default store) and
 * FACTLEN_STORE_PUBLIC_KEY (the key its manifests must be signed with). A bad value fails the
 * build with a plain message instead of shipping an extension that cannot sync.
 */
import { parsePublicKey } from '../lib/store/signature.ts';
import { checkStoreUrl, OPTIONAL_HOST_PERMISSIONS } from '../lib/store/store-url.ts';

export interface StoreBuildConfig {
  /** Host permission for the build's store origin only. */
  hostPermissions: string[];
  /** What a reader may grant from the options page for a store of their choosing. */
  optionalHostPermissions: string[];
  /** Vite `define`s read by lib/store/build-config.ts. */
  define: Record<string, string>;
}

export function storeBuildConfig(env: Record<string, string | undefined>, builtAt = Date.now()): StoreBuildConfig {
  const url = env.FACTLEN_STORE_URL?.trim() ?? '';
  const key = env.FACTLEN_STORE_PUBLIC_KEY?.trim() ?? '';
  const checked = url ? checkStoreUrl(url) : null;
  if (checked && !checked.ok) {
    throw new Error(
      `FACTLEN_STORE_URL=${url} is not a usable store address (${checked.reason}): ` +
        'use https:// (http:// only for localhost or 127.0.0.1), without a query string',
    );
  }
  if (key && !parsePublicKey(key))
    throw new Error('FACTLEN_STORE_PUBLIC_KEY must be a base64 Ed25519 public key (32 bytes), as `lens store-keygen` prints');
  return {
    hostPermissions: checked?.ok ? [checked.originPattern] : [],
    optionalHostPermissions: OPTIONAL_HOST_PERMISSIONS,
    define: {
      __FACTLEN_STORE_URL__: JSON.stringify(url),
      __FACTLEN_STORE_PUBLIC_KEY__: JSON.stringify(key),
      __FACTLEN_BUILT_AT__: JSON.stringify(builtAt),
    },
  };
}
