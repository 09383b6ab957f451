import { describe, expect, it } from 'vitest';
import { hostOf, normalizeUrl, onlyFragmentDiffers, parsedKey, samePage } from '../../lib/url.ts';

const BASE = 'example.com/news/2026/quake-hits';

describe('normalizeUrl', () => {
  it.each([
    ['https://example.com/news/2026/quake-hits', 'the plain URL'],
    ['http://example.com/news/2026/quake-hits', 'another scheme'],
    ['https://www.example.com/news/2026/quake-hits', 'www.'],
    ['https://m.example.com/news/2026/quake-hits', 'a mobile host (m.)'],
    ['https://mobile.example.com/news/2026/quake-hits', 'a mobile host (mobile.)'],
    ['https://amp.example.com/news/2026/quake-hits', 'an AMP host'],
    ['https://example.com/news/2026/quake-hits/amp', 'an /amp path'],
    ['https://example.com/news/2026/quake-hits/amp/', 'an /amp/ path'],
    ['https://example.com/amp/news/2026/quake-hits', 'a leading /amp/'],
    ['https://example.com/news/2026/quake-hits.amp', 'a .amp suffix'],
    ['https://example.com/news/2026/quake-hits?outputType=amp', '?outputType=amp'],
    ['https://example.com/news/2026/quake-hits?amp=1', '?amp=1'],
    ['https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/2026/quake-hits', 'the AMP cache'],
    ['https://www.google.com/amp/s/www.example.com/news/2026/quake-hits', 'the Google AMP viewer'],
    ['https://example.com/news/2026/quake-hits/', 'a trailing slash'],
    ['https://example.com/news/2026/quake-hits/index.html', 'index.html'],
    ['https://example.com/news/2026/quake-hits#comments', 'a fragment'],
    ['https://EXAMPLE.com:443/news/2026/quake-hits', 'case and the default port'],
    ['https://example.com/news/2026/quake-hits?utm_source=tw&utm_medium=social&fbclid=abc', 'utm_* and fbclid'],
    ['https://example.com/news/2026/quake-hits?gclid=1&mc_cid=2&mc_eid=3&ref=home', 'gclid, mc_cid, mc_eid, ref'],
    ['https://example.com/news/2026/quake-hits?at_medium=x&ns_source=y&xtor=z&_ga=1', 'more trackers'],
    ['https://example.com/news/2026/quake-hits;jsessionid=ABC123', 'a session id'],
  ])('reduces %s (%s) to one key', (url) => {
    expect(normalizeUrl(url)).toBe(BASE);
  });

  it.each([
    ['https://example.com/news?id=2&page=1', 'example.com/news?id=2&page=1'],
    ['https://example.com/news?page=1&id=2', 'example.com/news?id=2&page=1'],
    ['https://example.com:8080/a', 'example.com:8080/a'],
    ['https://news.example.com/a', 'news.example.com/a'],
  ])('keeps what tells pages apart: %s', (url, key) => {
    expect(normalizeUrl(url)).toBe(key);
  });

  it.each([
    ['https://google.shop.example/amp/s/www.example.com/news/2026/quake-hits', 'google.shop.example'],
    ['https://www.google.com.shop.example/amp/s/www.example.com/news/2026/quake-hits', 'google.com.shop.example'],
    ['https://shop-example.cdn.ampproject.org/c/s/www.example.com/news/2026/quake-hits', 'shop-example.cdn.ampproject.org'],
  ])('does not unwrap an AMP address on a host that is not Google’s or does not spell the publisher: %s', (url, host) => {
    // Any site can have a host starting "google." and a path "/amp/s/fortune.com/…": the page stays the shop's.
    expect(hostOf(url)).toBe(host);
  });

  it.each([
    ['https://www.google.co.uk/amp/s/www.example.com/news/2026/quake-hits'],
    ['https://google.de/amp/s/www.example.com/news/2026/quake-hits'],
    ['https://www.google.com.au/amp/s/www.example.com/news/2026/quake-hits'],
    ['https://news--site-example-com.cdn.ampproject.org/v/s/news-site.example.com/a'],
  ])('unwraps Google’s AMP viewer on its country hosts and the cache’s spelled subdomain: %s', (url) => {
    expect(normalizeUrl(url)).toMatch(/^(example\.com\/news\/2026\/quake-hits|news-site\.example\.com\/a)$/);
  });

  it.each([null, undefined, '', 'not a url', 'ftp://example.com/a', 'javascript:alert(1)', 'chrome://extensions'])(
    'returns null for %s',
    (url) => {
      expect(normalizeUrl(url)).toBeNull();
    },
  );

  it('gives the host without edition prefixes', () => {
    expect(hostOf('https://m.fortune.com/2026/01/x')).toBe('fortune.com');
  });
});

describe('the shortcut for plain addresses', () => {
  // normalizeUrl skips the URL parser for plain addresses; it must give what the parser gives.
  it('gives the parser’s key for every address, plain or not', () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const hosts = [
      'example.com',
      'www.example.com',
      'm.example.co.uk',
      'amp.news.example',
      'www2.a-b.org',
      'mobile.x.io',
      'www.com',
      'xn--bcher-kva.example',
      '1.2.3.com',
      'a.b',
      'Example.com',
      'example.com.',
      '127.0.0.1',
      'localhost',
    ];
    const segments = [
      'news',
      '2026',
      'quake-hits',
      'index.html',
      'amp',
      'story.amp.html',
      'a_b~c',
      '.',
      '..',
      '',
      'default.aspx',
      'x.amp',
      'Mixed-Case',
      'caf%C3%A9',
      'a;jsessionid=1',
      'é',
      'a b',
    ];
    const tails = ['', '', '', '/', '?x=1', '#top', '?utm_source=a'];
    for (let k = 0; k < 3000; k++) {
      const path = Array.from({ length: Math.floor(next() * 5) }, () => pick(segments)).join('/');
      const url = `${pick(['https', 'http'])}://${pick(hosts)}${path ? `/${path}` : ''}${pick(tails)}`;
      expect({ url, key: normalizeUrl(url) }).toEqual({ url, key: parsedKey(url) });
    }
  });
});

describe('samePage', () => {
  it('is the same page for http(s) addresses that normalise alike', () => {
    expect(samePage('https://www.example.com/a/?utm_source=x#top', 'http://example.com/a')).toBe(true);
    expect(samePage('https://example.com/a', 'https://example.com/b')).toBe(false);
  });

  it('never takes two different file pages for one', () => {
    expect(samePage('file:///home/r/a.html', 'file:///home/r/b.html')).toBe(false);
    expect(samePage('file:///home/r/a.html', 'file:///home/r/a.html#part-2')).toBe(true);
    expect(samePage('file:///home/r/a.html', 'https://example.com/home/r/a.html')).toBe(false);
  });

  it('never takes a page with no address, or one that does not parse, for another', () => {
    for (const none of [null, undefined, '', '  ', 'not a url']) {
      expect(samePage(none, none)).toBe(false);
      expect(samePage(none, 'https://example.com/a')).toBe(false);
      expect(samePage('file:///a.html', none)).toBe(false);
    }
  });
});

describe('onlyFragmentDiffers', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a#comments', true],
    ['https://example.com/a#top', 'https://example.com/a#comments', true],
    ['https://example.com/a', 'https://example.com/a', true],
    ['https://example.com/a', 'https://example.com/a?page=2', false],
    ['https://example.com/a', 'https://example.com/a?utm_source=x', false],
    ['https://example.com/a', 'https://www.example.com/a', false],
    ['https://example.com/a', 'https://example.com/b#a', false],
    ['not a url', 'not a url', false],
    [null, null, false],
  ] as const)('%s and %s: %s', (a, b, same) => {
    expect(onlyFragmentDiffers(a, b)).toBe(same);
  });
});
