/**
 * zod, configured once for every context: each schema imports `z` from here, never from 'zod'.
 *
 * zod probes `new Function` to decide whether to JIT its parsers; extension pages run under a
 * CSP without 'unsafe-eval', so the probe (and the JIT) is turned off before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
