// Injected into a tab by `scripting.executeScript` only when the reader asks; its completion
// value (the Extraction) is what executeScript returns. Keep it free of zod and Preact.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractCurrentPage } from '../lib/extract/current-page.ts';

export default defineUnlistedScript(() => extractCurrentPage());
