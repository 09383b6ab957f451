// The first-run page: opened once, when the extension is installed — not on an update, a
// browser start or a reload of the worker.
import { browser } from 'wxt/browser';

export const WELCOME_PATH = '/welcome.html';

export function setUpFirstRun(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  });
}
