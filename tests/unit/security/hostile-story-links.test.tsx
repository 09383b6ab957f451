// @vitest-environment happy-dom
// Where a store's addresses may send a reader, and what a store may claim as an outlet's site
// (an audit, 2026-12-07). A signed store could put "Read [2] Fortune ↗" on the reader's router's
// admin page, and an `outletDomain` of "com" made every .com page "one of this story's outlets".
import { render } from 'preact';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceAction } from '../../../components/SourceAction.tsx';
import { SourceList } from '../../../components/SourceList.tsx';
import { isPrivateHost, notAnOutlet } from '../../../lib/hosts.ts';
import { safeHref } from '../../../lib/story/links.ts';
import { nextReads, placeReader } from '../../../lib/story/placement.ts';
import { describeRejection, parseStories, type Story } from '../../../lib/story/story.ts';
import { renderRoot } from '../render-root.ts';

const raw = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8')) as Story;
const root = renderRoot();

const PRIVATE = [
  'http://192.168.1.1/',
  'http://192.168.0.1/cgi-bin/luci',
  'http://10.0.0.138/admin',
  'http://172.16.0.1/',
  'http://172.31.255.254/',
  'http://169.254.169.254/latest/meta-data/',
  'http://127.0.0.1:8080/',
  'http://0.0.0.0/',
  'http://100.64.0.1/',
  'http://3232235777/', // 192.168.1.1 written as one number: the URL parser reads it so
  'http://0xc0.0xa8.1.1/',
  'http://[::1]/',
  'http://[fe80::1]/',
  'http://[fd12:3456::1]/',
  'http://[::ffff:192.168.1.1]/',
  'http://[::192.168.1.1]/',
  'http://[64:ff9b::192.168.1.1]/',
  'http://[2002:c0a8:101::1]/',
  'http://[fec0::1]/', // site-local
  'http://[ff02::1]/', // multicast
  'http://[2001:db8::1]/', // documentation
  'http://198.18.0.1/', // benchmarking: local proxies' "fake IP" addresses
  'http://198.19.255.1/',
  'http://192.0.2.10/', // documentation
  'http://198.51.100.7/',
  'http://203.0.113.9/',
  'http://192.0.0.8/', // protocol assignments
  'http://192%2e168%2e1%2e1/',
  'http://192.168.257/',
  'http://192。168。1。1/',
  'http://0/',
  'http://ⅰntranet/',
  'http://localhost:3000/',
  'http://app.localhost/',
  'http://localhost./',
  'http://printer.local/',
  'http://router.lan/',
  'http://nas.home.arpa/',
  'http://wiki.internal/',
  'http://intranet/',
  'https://router/',
  // Public names for private addresses: wildcard DNS answers each with the address it spells.
  'http://127.0.0.1.nip.io/',
  'http://app.10.0.0.1.nip.io:8080/admin',
  'http://10-0-0-1.sslip.io/',
  'http://minio-01.192-168-1-100.sslip.io/',
  'http://www-192-168-1-1.example.com/',
  'http://169.254.169.254.xip.io/latest/meta-data/',
  'http://c0a80101.nip.io/', // nip.io's hex for 192.168.1.1
  'http://7f000001.c0a80001.rbndr.us/', // DNS rebinding between 127.0.0.1 and 192.168.0.1
  'http://router.192.168.1.1.example.org/',
  'http://172-16-0-1.example.net/',
  'http://100-64-0-1.example.net/',
  'http://--1.sslip.io/', // ::1
  'http://fe80--1.example.com/',
  'http://fd12-3456--1.example.com/',
  'http://--ffff-c0a8-101.example.com/',
  'http://127.0.0.1.nip.io./',
  // Names whose every subdomain is the reader's own machine.
  'http://localtest.me/',
  'http://admin.localtest.me/',
  'http://app.lvh.me:3000/',
  'http://x.localhost.direct/',
  'http://api.vcap.me/',
  'http://lacolhost.com/',
];
const PUBLIC = [
  'https://fortune.com/2026/01/01/a/',
  'http://www.bbc.co.uk/news/1',
  'https://8.8.8.8/',
  'https://172.32.0.1/',
  'https://192.169.1.1/',
  'https://198.20.0.1/',
  'https://192.0.3.1/',
  'https://203.0.114.1/',
  'https://[2001:db9::1]/',
  'https://[2001:4860:4860::8888]/',
  'https://[2002:808:808::1]/',
  'https://[64:ff9b::8.8.8.8]/',
  'https://news.local-paper.com/a',
  'https://localhost.news/a',
  // Numbers in a name that spell no private address, and punycode's double dash.
  'https://8.8.8.8.example.com/',
  'https://www-8-8-8-8.example.com/',
  'https://news-2026-12-07.example.com/',
  'https://covid-19-10-1.example.com/',
  'https://1-2-3-4.example.com/',
  'https://xn--80ak6aa92e.com/',
  'https://xn--fiqs8s.xn--fiqz9s/',
  'https://a-b--c.example.com/',
  'https://lvh.media/a',
  'https://nip.iowa-news.com/a',
  'https://www.sslip.io.example.com/',
];

describe('a story link to the reader’s own network or machine', () => {
  it.each(PRIVATE)('is no link: %s', (url) => {
    expect(safeHref(url)).toBeUndefined();
    expect(isPrivateHost(new URL(url).hostname)).toBe(true);
  });

  it.each(PUBLIC)('is a link on the public web: %s', (url) => {
    expect(safeHref(url)).toBe(new URL(url).href);
  });

  it('shows the source in the side panel’s list without a link, and offers to find it', () => {
    const [story] = parseStories({ ...raw, sources: raw.sources.map((s) => (s.n === 2 ? { ...s, url: 'http://192.168.1.1/' } : s)) })
      .stories as [Story];
    render(<SourceList sources={story.sources} viewpoints={story.viewpoints} />, root());
    const item = root().querySelector('#source-2')!;
    expect(item.textContent).toContain(story.sources[1]!.title);
    expect(item.querySelector('a')).toBeNull();
    expect(item.querySelector('button.find-article')).not.toBeNull();
    expect(root().innerHTML).not.toContain('192.168');
  });

  it('is not "Read [2] Fortune ↗" in the popup: the reader is offered a search instead', () => {
    const source = { ...raw.sources[1]!, url: 'http://10.0.0.1/setup.cgi' };
    render(<SourceAction source={source} />, root());
    expect(root().querySelector('a')).toBeNull();
    expect(root().querySelector('button.find-article')).not.toBeNull();
  });

  it('is not the source offered to read next when another of its viewpoint can be opened', () => {
    const vp = raw.sources[0]!.viewpointId;
    const [story] = parseStories({
      ...raw,
      sources: [
        ...raw.sources.filter((s) => s.viewpointId !== vp),
        { ...raw.sources[0]!, n: 90, url: 'http://192.168.1.1/' },
        { ...raw.sources[0]!, n: 91, url: 'https://www.microsoft.com/a' },
      ],
    }).stories as [Story];
    expect(nextReads(story, null).find((r) => r.viewpoint.id === vp)?.source?.n).toBe(91);
  });

  it('keeps the story, its sources and their titles: only the link is dropped', () => {
    const r = parseStories({ ...raw, sources: raw.sources.map((s) => ({ ...s, url: 'http://intranet/' })) });
    expect(r.rejected).toEqual([]);
    expect(r.stories[0]!.sources).toHaveLength(raw.sources.length);
  });
});

describe('an outlet domain that cannot be one outlet’s site', () => {
  const withDomain = (outletDomain: string) => parseStories({ ...raw, sources: raw.sources.map((s) => ({ ...s, outletDomain })) });

  it.each([
    ['com', /single label/],
    ['uk', /single label/],
    ['co.uk', /suffix many sites share/],
    ['com.au', /suffix many sites share/],
    ['co.jp', /suffix many sites share/],
    ['org.uk', /suffix many sites share/],
    ['192.168.1.1', /not an address/],
    ['0.1', /not an address/],
    ['printer.local', /local network/],
    ['127.0.0.1.nip.io', /local network/],
    ['10-0-0-1.example.com', /local network/],
    ['lvh.me', /local network/],
  ])('refuses %s', (domain, why) => {
    const r = withDomain(domain);
    expect(r.stories).toEqual([]);
    expect(describeRejection(r.rejected[0]!)[0]).toMatch(why);
    expect(describeRejection(r.rejected[0]!)[0]).toContain('sources[0].outletDomain');
  });

  it.each(['fortune.com', 'bbc.co.uk', 'news.com.au', 'thecaucus.blogs.nytimes.com', 'lemonde.fr', 'asahi.com'])('takes %s', (domain) => {
    expect(notAnOutlet(domain)).toBeNull();
    expect(withDomain(domain).rejected).toEqual([]);
  });

  it('a source at a single-label host does not make every .com page one of the story’s outlets', () => {
    const [story] = parseStories({
      ...raw,
      sources: raw.sources.map(({ outletDomain: _, ...s }) => (s.n === 2 ? { ...s, url: 'http://com/fortune' } : s)),
    }).stories as [Story];
    const page = { url: 'https://vitamin-shop.com/sale', title: 'Sale', siteName: null };
    expect(placeReader(story, page, [])).toMatchObject({ kind: 'outside' });
  });
});
