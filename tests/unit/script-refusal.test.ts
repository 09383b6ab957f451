import { describe, expect, it } from 'vitest';
import { refusalReason } from '../../lib/script-refusal.ts';

const FIREFOX = 'Missing host permission for the tab';

describe('refusalReason', () => {
  it.each([
    // Chrome's refusals are browser pages and the web store, whatever the address.
    ['Cannot access a chrome:// URL', 'chrome://settings/', 'browser-page'],
    ['The extensions gallery cannot be scripted.', 'https://chromewebstore.google.com/detail/x', 'browser-page'],
    [
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      'https://example.com/a',
      'browser-page',
    ],
    ['No tab with id: 12.', undefined, 'browser-page'],
    // Firefox refuses its own viewers at a web address: a PDF (or JSON) file, not a browser page.
    [FIREFOX, 'https://news.example/report.pdf', 'not-html'],
    [FIREFOX, 'http://127.0.0.1:8080/report.pdf', 'not-html'],
    // …and its own pages and Mozilla's sites, which are.
    [FIREFOX, 'about:addons', 'browser-page'],
    [FIREFOX, 'about:reader?url=https%3A%2F%2Fnews.example%2Fa', 'browser-page'],
    [FIREFOX, 'view-source:https://news.example/a', 'browser-page'],
    [FIREFOX, 'https://addons.mozilla.org/en-US/firefox/', 'browser-page'],
    [FIREFOX, 'https://accounts.firefox.com/', 'browser-page'],
    [FIREFOX, 'https://addons.cdn.mozilla.net/x.png', 'browser-page'],
    [FIREFOX, undefined, 'browser-page'],
  ])('%s at %s: %s', (message, url, reason) => {
    expect(refusalReason(message, url)).toBe(reason);
  });

  it('leaves any other failure to be reported as an error', () => {
    expect(refusalReason('The page gave no answer', 'https://news.example/a')).toBeNull();
    expect(refusalReason('Out of memory', undefined)).toBeNull();
  });
});
