/**
 * zod, configured once for every context: each schema imports `z` from here, never from 'zod'.
 *
 * zod probes `new Function` to decide whether to JIT its parsers; extension pages run under a
 * CSP without 'unsafe-eval', so the probe (and the JIT) is turned off before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };

/**
 * A stored value as the object a schema with a default per field reads: anything else (an
 * array, a string, a number, null) is `{}`, so every field takes its default instead of the
 * whole read failing. A damaged `readingMode` of `[]` stopped every click's read.
 */
export const asFields = (raw: unknown): object => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {});
