/**
 * Settings fixed when the extension is built (see wxt.config.ts): the default store URL, the
 * public key its manifests must be signed with, and when the bundled stories were packed.
 * Absent in Node and unit tests, where the guards below answer "not set".
 */
import { parsePublicKey } from './signature.ts';

declare const __FACTLEN_STORE_URL__: string;
declare const __FACTLEN_STORE_PUBLIC_KEY__: string;
declare const __FACTLEN_BUILT_AT__: number;

/** FACTLEN_STORE_URL at build time, or null: the extension then runs on its bundled stories. */
export const BUILD_STORE_URL: string | null = (typeof __FACTLEN_STORE_URL__ === 'string' && __FACTLEN_STORE_URL__) || null;

/** FACTLEN_STORE_PUBLIC_KEY at build time: when set, only manifests it signed are accepted. */
export const BUILD_PUBLIC_KEY: Uint8Array | null =
  typeof __FACTLEN_STORE_PUBLIC_KEY__ === 'string' && __FACTLEN_STORE_PUBLIC_KEY__ ? parsePublicKey(__FACTLEN_STORE_PUBLIC_KEY__) : null;

/** When this build was made: how old the bundled stories are. */
export const BUILT_AT: number | null = typeof __FACTLEN_BUILT_AT__ === 'number' ? __FACTLEN_BUILT_AT__ : null;
