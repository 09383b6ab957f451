// Injected into a tab by `scripting.executeScript` only when the reader asks; its completion
// value (the Extraction) is what executeScript returns. Keep it free of zod and Preact.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractArticle } from '../lib/extract/index.ts';

export default defineUnlistedScript(() =>
  // The navigation entry keeps the URL the document was loaded from: if a single-page site has
  // since moved on with history.pushState, extraction checks the <head> still describes this page.
  extractArticle(document, location.href, { loadedUrl: (performance.getEntriesByType('navigation')[0] as PerformanceEntry | undefined)?.name }),
);
