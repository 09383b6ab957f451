// Automatic mode only: registered at run time (scripting.registerContentScripts) on the sites
// the reader granted, never listed in the manifest. Reads the article when the page is idle,
// and again after a single-page site moves to another article, and hands it to the background.
// Nothing is added to the page and nothing leaves the browser.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractCurrentPage } from '../lib/extract/current-page.ts';
import { notify } from '../platform/messaging.ts';

/** A page that keeps moving (pushState every 20 ms) is read at most every two seconds, and where it stops. */
const READ_GAP_MS = 2000;

export default defineUnlistedScript(() => {
  let last = '';
  const read = () => {
    if (location.href === last) return;
    last = location.href;
    void notify('autoRead', { extraction: extractCurrentPage() }).catch(() => {});
  };
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(read, { timeout: 3000 }) : setTimeout(read, 0));
  // At most one read per READ_GAP_MS, the last navigation of a burst included: each navigation
  // moves the one pending read to the end of the gap (lib/throttle.ts does this in the
  // background; this script stays under its size cap without it).
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = -Infinity;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        lastRead = Date.now();
        whenIdle();
      },
      Math.max(0, lastRead + READ_GAP_MS - Date.now()),
    );
  };
  whenIdle();
  // The Navigation API tells of pushState navigations without polling; where it is missing,
  // the reader's click still reads the current article.
  (window as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', soon);
});
