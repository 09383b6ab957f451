// Automatic mode only: registered at run time (scripting.registerContentScripts) on the sites
// the reader granted, never listed in the manifest. Reads the article when the page is idle,
// and again after a single-page site moves to another article, and hands it to the background.
// Nothing is added to the page and nothing leaves the browser.
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractCurrentPage } from '../lib/extract/current-page.ts';
import { throttleByKey } from '../lib/throttle.ts';

/** A page that keeps moving (pushState every 20 ms) is read at most every two seconds, and where it stops. */
const READ_GAP_MS = 2000;

export default defineUnlistedScript(() => {
  let last = '';
  const read = () => {
    if (location.href === last) return;
    last = location.href;
    void browser.runtime.sendMessage({ type: 'autoRead', extraction: extractCurrentPage() }).catch(() => {});
  };
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(read, { timeout: 3000 }) : setTimeout(read, 0));
  const soon = throttleByKey(whenIdle, READ_GAP_MS);
  whenIdle();
  // The Navigation API tells of pushState navigations without polling; where it is missing,
  // the reader's click still reads the current article.
  (window as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', () => soon(0, 0));
});
