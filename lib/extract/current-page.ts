/** Extraction of the document this script runs in: the entry of both injected scripts. */
import type { Extraction } from '../article.ts';
import { extractArticle } from './index.ts';

/**
 * Reads the current page. The navigation entry keeps the URL the document was loaded from: if a
 * single-page site has since moved on with history.pushState, extraction checks the <head>
 * still describes this page.
 */
export function extractCurrentPage(): Extraction {
  // Read only for a page the gate lets through: the first call builds the navigation's timing entry.
  const loadedUrl = () => (performance.getEntriesByType('navigation')[0] as PerformanceEntry | undefined)?.name;
  return extractArticle(document, location.href, { loadedUrl });
}
