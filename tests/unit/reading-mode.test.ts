import { describe, expect, it } from 'vitest';
import { autoOrigins, hostFromInput, isNeverSite, permissionChange, ReadingMode, readingModeFromForm } from '../../lib/reading-mode.ts';

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

describe('the settings form', () => {
  const form = { mode: 'auto' as const, scope: 'listed' as const, sites: '', never: '' };

  it('reads sites one a line or between commas, as hosts', () => {
    expect(
      readingModeFromForm({ ...form, sites: ' www.Example.com/news \n\nhttps://b.example.org, c.example.net', never: 'ads.example.com' }),
    ).toEqual({
      mode: { mode: 'auto', scope: 'listed', sites: ['example.com', 'b.example.org', 'c.example.net'], never: ['ads.example.com'] },
    });
  });

  it('names back, as typed, every entry that is no site, of either list', () => {
    expect(readingModeFromForm({ ...form, sites: 'example.com\nnot a site', never: 'localhost' })).toEqual({
      error: 'bad-sites',
      bad: ['not a site', 'localhost'],
    });
  });

  it('refuses automatic mode on listed sites with none listed, and nothing else without sites', () => {
    expect(readingModeFromForm(form)).toEqual({ error: 'no-sites' });
    expect(readingModeFromForm({ ...form, scope: 'all' })).toEqual({ mode: { mode: 'auto', scope: 'all', sites: [], never: [] } });
    expect(readingModeFromForm({ ...form, mode: 'click' })).toEqual({ mode: { mode: 'click', scope: 'listed', sites: [], never: [] } });
  });
});

describe('permissionChange', () => {
  const click = ReadingMode.parse({});
  const all = ReadingMode.parse({ mode: 'auto', scope: 'all' });
  const listed = (...sites: string[]) => ReadingMode.parse({ mode: 'auto', scope: 'listed', sites });

  it('asks for what automatic mode reads, and gives nothing back from on click', () => {
    expect(permissionChange(click, all)).toEqual({ wanted: ['https://*/*', 'http://*/*'], dropped: [] });
    expect(permissionChange(click, click)).toEqual({ wanted: [], dropped: [] });
  });

  it('gives back what the new mode no longer reads', () => {
    expect(permissionChange(all, click)).toEqual({ wanted: [], dropped: ['https://*/*', 'http://*/*'] });
    const { wanted, dropped } = permissionChange(listed('a.example', 'b.example'), listed('b.example'));
    expect(wanted).toEqual(autoOrigins(listed('b.example')));
    expect(dropped).toEqual(['https://a.example/*', 'https://*.a.example/*', 'http://a.example/*', 'http://*.a.example/*']);
  });

  it('keeps what it is told to keep: the store on a site automatic mode read', () => {
    const { dropped } = permissionChange(listed('a.example'), click, ['https://a.example/*']);
    expect(dropped).toEqual(['https://*.a.example/*', 'http://a.example/*', 'http://*.a.example/*']);
  });
});
