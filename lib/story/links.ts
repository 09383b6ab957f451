import { isPrivateHost } from '../hosts.ts';

// True only in the real-browser suite's build (`wxt build --mode e2e`, wxt.config.ts), whose
// sources are served from 127.0.0.1. Every other build defines it false, so the minifier drops
// the exception from the bundle: nothing a store or a setting holds can turn the refusal off.
declare const __LENS_LOOPBACK_LINKS__: boolean;
const LOOPBACK_LINKS = typeof __LENS_LOOPBACK_LINKS__ === 'boolean' && __LENS_LOOPBACK_LINKS__;

/**
 * Links from story data: only an http(s) URL on the public web ever becomes an href. A store
 * could otherwise send a reader, in Lens's own "Read [2] Fortune ↗", to their router's admin
 * page (`http://192.168.1.1/`), a machine on their network (`http://intranet/`) or their own
 * (`http://[::1]:8080/`); the source is then shown without a link (docs/security.md).
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return isPrivateHost(u.hostname) && !(LOOPBACK_LINKS && /^127\.\d+\.\d+\.\d+$/.test(u.hostname)) ? undefined : u.href;
  } catch {
    return undefined;
  }
}
