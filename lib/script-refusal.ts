/**
 * What a browser's refusal to run the extractor in a tab tells the reader: a page where
 * extensions may not run, or (Firefox) a file its own viewer shows at a web address.
 */
import type { NotArticleReason } from './article.ts';

// Chrome: "Cannot access a chrome:// URL", "The extensions gallery cannot be scripted",
// "Cannot access contents of the page"; Firefox: "Missing host permission for the tab".
const REFUSED = /cannot (access|be scripted)|missing host permission|no tab with id/i;
const FIREFOX_REFUSED = /missing host permission/i;
// Mozilla's own sites, where Firefox lets no extension run (its default
// `extensions.webextensions.restrictedDomains` are all under these).
const MOZILLA = /(^|\.)(mozilla\.org|mozilla\.net|firefox\.com)$/i;

/**
 * The not-an-article reason for a failed injection, from the browser's message and the tab's
 * address; null when the failure is not a refusal (a real error, to be reported as one).
 */
export function refusalReason(message: string, tabUrl: string | undefined): NotArticleReason | null {
  if (!REFUSED.test(message)) return null;
  let url: URL | null = null;
  try {
    url = new URL(tabUrl ?? '');
  } catch {
    // No address: a tab the extension may not even see.
  }
  // Firefox shows a PDF (and JSON) at its web address in its own viewer, where no extension
  // may run; Chrome's PDF viewer lets the extractor in, which answers "not-html" itself. The
  // click granted that address, so on an ordinary site the refusal is the viewer's.
  if (FIREFOX_REFUSED.test(message) && url && /^https?:$/.test(url.protocol) && !MOZILLA.test(url.hostname)) return 'not-html';
  return 'browser-page';
}
