import { describe, expect, it } from 'vitest';
import { autoOrigins, hostFromInput, isNeverSite, ReadingMode } from '../../lib/reading-mode.ts';

describe('reading mode', () => {
  it('defaults to on click, and repairs a damaged field alone', () => {
    expect(ReadingMode.parse({})).toEqual({ mode: 'click', scope: 'all', sites: [], never: [] });
    expect(ReadingMode.parse({ mode: 'always', never: ['example.com'] })).toEqual({
      mode: 'click',
      scope: 'all',
      sites: [],
      never: ['example.com'],
    });
  });

  it.each([
    ['example.com', 'example.com'],
    ['www.Example.com/news/today', 'example.com'],
    ['https://news.example.co.uk/', 'news.example.co.uk'],
    ['  localhost ', null],
    ['not a site', null],
    ['', null],
  ])('reads the site %j as %j', (input, host) => expect(hostFromInput(input)).toBe(host));

  it('asks for every site, or exactly the listed sites and their subdomains', () => {
    expect(autoOrigins(ReadingMode.parse({ mode: 'auto', scope: 'all' }))).toEqual(['https://*/*', 'http://*/*']);
    expect(autoOrigins(ReadingMode.parse({ mode: 'auto', scope: 'listed', sites: ['example.com', '127.0.0.1'] }))).toEqual([
      'https://example.com/*',
      'https://*.example.com/*',
      'http://example.com/*',
      'http://*.example.com/*',
      'https://127.0.0.1/*',
      'http://127.0.0.1/*',
    ]);
  });

  it.each([
    ['https://example.com/a', true],
    ['https://www.example.com/a', true],
    ['http://news.example.com/a', true],
    ['https://notexample.com/a', false],
    ['https://example.com.evil.org/a', false],
    [undefined, false],
  ])('treats %s as never-read: %s', (url, never) => expect(isNeverSite(url, ['example.com'])).toBe(never));
});
