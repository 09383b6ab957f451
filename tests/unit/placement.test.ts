import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex, matchArticle } from '../../lib/match/index.ts';
import { nextReads, placeReader, provenSource, reasonsForNewer, restatesPlacement, searchTextFor } from '../../lib/story/placement.ts';
import { parseStories, type Story } from '../../lib/story/story.ts';

const [seed] = parseStories(JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'))).stories as [
  Story,
];
const withUrls: Story = { ...seed, sources: seed.sources.map((s) => ({ ...s, url: `https://${s.outletDomain}/story-${s.n}` })) };
const index = buildIndex([withUrls]);
const fortune = withUrls.sources.find((s) => s.n === 2)!;
const text = 'Microsoft and the Mayo Clinic will build a frontier AI model for healthcare that the clinic will own. '.repeat(8);

/** The reasons the real matcher gives for a page, so a change of its codes breaks this test. */
function reasonsFor(page: { url: string; title: string; siteName?: string }) {
  const { match } = matchArticle({ ...page, text, siteName: page.siteName ?? null }, index);
  if (!match) throw new Error('no match');
  return match.reasons;
}

describe('placing the reader', () => {
  it('names the source the matcher proved by URL, with its viewpoint', () => {
    const page = { url: fortune.url!, title: 'Morgan Stanley warns', siteName: 'Fortune' };
    const reasons = reasonsFor(page);
    expect(provenSource(reasons)).toBe(2);
    const placed = placeReader(withUrls, page, reasons);
    expect(placed).toMatchObject({
      kind: 'source',
      source: { n: 2, outlet: 'Fortune' },
      viewpoint: { name: 'Healthcare Administrators & Analysts' },
    });
  });

  it('names the source the matcher proved by outlet and headline', () => {
    const page = { url: 'https://fortune.com/another/address', title: fortune.title, siteName: 'Fortune' };
    const reasons = reasonsFor(page);
    expect(reasons[0]).toMatchObject({ code: 'reasonOutletTitle', args: ['2', 'Fortune'] });
    expect(placeReader(withUrls, page, reasons)).toMatchObject({ kind: 'source', source: { n: 2 } });
  });

  it('places a page the reader picked by its own URL when it is a source, with no reasons', () => {
    expect(placeReader(withUrls, { url: `${fortune.url}?utm_source=x`, title: 'x' }, [])).toMatchObject({
      kind: 'source',
      source: { n: 2 },
    });
  });

  it('claims no viewpoint for a page of another outlet, and names that outlet', () => {
    const page = {
      url: 'https://riversideledger.example/mayo-microsoft',
      title: 'Mayo and Microsoft build a frontier model',
      siteName: 'Riverside Ledger',
    };
    expect(placeReader(withUrls, page, reasonsFor(page))).toEqual({ kind: 'outside', outlet: 'Riverside Ledger' });
    // Without a declared name the host names it.
    expect(placeReader(withUrls, { url: 'https://www.riversideledger.example/x', title: 'x' }, [])).toEqual({
      kind: 'outside',
      outlet: 'riversideledger.example',
    });
  });

  it("says an uncited page of a covering outlet is from that outlet, with the outlet's cited article and its viewpoint", () => {
    const page = { url: 'https://fortune.com/2026/07/01/other-ai-story', title: 'Something else', siteName: null };
    expect(placeReader(withUrls, page, [])).toEqual({
      kind: 'outlet',
      outlet: 'Fortune',
      source: fortune,
      viewpoint: withUrls.viewpoints.find((v) => v.id === 'healthcare-administrators'),
    });
    // By the name it declares only where the story gives the outlet no address to check it against.
    const unaddressed = {
      ...withUrls,
      sources: withUrls.sources.map((s) => (s.n === 2 ? { ...s, outletDomain: undefined, url: undefined } : s)),
    };
    expect(placeReader(unaddressed, { url: 'https://x.example/a', title: 'x', siteName: 'fortune ' }, [])).toMatchObject({
      kind: 'outlet',
      outlet: 'Fortune',
      source: { n: 2 },
    });
  });

  // Found in a review (2026-12-08): an outlet the story cites twice was always keyed to its
  // first-numbered article, whatever the page the reader is on.
  it("keys an uncited page of an outlet cited twice to that outlet's article whose headline is closest to the page's", () => {
    const second = {
      n: 8,
      outlet: 'Fortune',
      outletDomain: 'fortune.com',
      viewpointId: 'medical-professionals',
      title: 'Doctors at Mayo Clinic test the frontier AI model on patient records',
      url: 'https://fortune.com/story-8',
    };
    const twice: Story = { ...withUrls, sources: [...withUrls.sources, second] };
    const followUp = {
      url: 'https://fortune.com/2026/07/02/mayo-doctors',
      title: 'Mayo Clinic doctors report on the frontier AI model',
      siteName: null,
    };
    const placed = placeReader(twice, followUp, []);
    expect(placed).toMatchObject({ kind: 'outlet', outlet: 'Fortune', source: { n: 8 }, viewpoint: { id: 'medical-professionals' } });
    // Its row offers that article, the one the note keys.
    expect(nextReads(twice, placed).find((r) => r.viewpoint.id === 'medical-professionals')?.source?.n).toBe(8);
    // Closer to the first: the first, whatever order the story lists them in.
    const reversed = { ...twice, sources: [second, ...withUrls.sources] };
    expect(placeReader(reversed, { ...followUp, title: 'Morgan Stanley says most of the world is not ready' }, [])).toMatchObject({
      source: { n: 2 },
    });
    // A title that shares no word with either (or as many with both): the first cited.
    expect(placeReader(reversed, { ...followUp, title: 'Quarterly results' }, [])).toMatchObject({ source: { n: 2 } });
  });

  it('does not take a page for a covering outlet because it calls itself by its name', () => {
    // A shop's blog declaring og:site_name "Fortune" (found by an adversarial probe, 2026-12-07).
    // Named by its host, not by the cited outlet's name: "Fortune is not among this story's
    // outlets" above "Read [2] Fortune" would contradict the list (found in a review, 2026-12-07).
    expect(placeReader(withUrls, { url: 'https://vitashop.example/blog/sale', title: 'x', siteName: 'Fortune' }, [])).toEqual({
      kind: 'outside',
      outlet: 'vitashop.example',
    });
    // Known by its source's address when the story gives no outletDomain.
    const byUrl = { ...withUrls, sources: withUrls.sources.map((s) => ({ ...s, outletDomain: undefined })) };
    expect(placeReader(byUrl, { url: 'https://www.fortune.com/2026/other', title: 'x', siteName: null }, [])).toMatchObject({
      kind: 'outlet',
      outlet: 'Fortune',
      source: { n: 2 },
    });
    expect(placeReader(byUrl, { url: 'https://vitashop.example/a', title: 'x', siteName: 'Fortune' }, [])).toMatchObject({
      kind: 'outside',
    });
  });

  it('ignores a proof naming a source the story does not have', () => {
    const page = { url: 'https://elsewhere.example/a', title: 'x', siteName: 'Elsewhere' };
    expect(placeReader(withUrls, page, [{ kind: 'url', detail: '', code: 'reasonSource', args: ['99', 'Nobody'] }])).toEqual({
      kind: 'outside',
      outlet: 'Elsewhere',
    });
  });
});

describe('a reason the placement already says', () => {
  const page = { url: fortune.url!, title: 'Morgan Stanley warns', siteName: 'Fortune' };
  const placed = placeReader(withUrls, page, reasonsFor(page));

  it('is the address proof of the source the page is placed as', () => {
    expect(restatesPlacement(reasonsFor(page)[0], placed)).toBe(true);
    expect(restatesPlacement({ kind: 'url', detail: '', code: 'reasonSourceNoOutlet', args: ['2'] }, placed)).toBe(true);
  });

  it('is not a proof by outlet and headline, a proof of another source, or any other reason', () => {
    expect(restatesPlacement({ kind: 'title', detail: '', code: 'reasonOutletTitle', args: ['2', 'Fortune'] }, placed)).toBe(false);
    expect(restatesPlacement({ kind: 'url', detail: '', code: 'reasonSource', args: ['3', 'BCG'] }, placed)).toBe(false);
    expect(restatesPlacement({ kind: 'entities', detail: 'Shares rare names: Mayo', code: 'reasonNames', args: ['Mayo'] }, placed)).toBe(
      false,
    );
    expect(restatesPlacement(undefined, placed)).toBe(false);
    expect(restatesPlacement(reasonsFor(page)[0], { kind: 'outside', outlet: 'Fortune' })).toBe(false);
  });
});

describe('what to read next', () => {
  it('offers one source for every viewpoint but the reader’s, an openable one first', () => {
    const placed = placeReader(withUrls, { url: fortune.url!, title: '' }, []);
    const noUrl5 = { ...withUrls, sources: withUrls.sources.map((s) => (s.n === 5 ? { ...s, url: undefined } : s)) };
    expect(nextReads(noUrl5, placed).map((r) => [r.viewpoint.id, r.source?.n])).toEqual([
      ['medical-professionals', 6],
      ['technology-developers', 1],
    ]);
    expect(nextReads(seed, null).map((r) => r.source?.n)).toEqual([5, 1, 2]);
  });

  // Found in a review (2026-12-07): on an uncited page of Stanford HAI, its viewpoint offered
  // "Read [1] Microsoft", and nothing on the popup said where Stanford HAI's coverage stands.
  it("offers an uncited page's outlet's own cited article on that article's viewpoint", () => {
    const placed = placeReader(withUrls, { url: 'https://hai.stanford.edu/news/other', title: 'x', siteName: null }, []);
    expect(placed).toMatchObject({ kind: 'outlet', outlet: 'Stanford HAI', source: { n: 4 }, viewpoint: { id: 'technology-developers' } });
    expect(nextReads(withUrls, placed).map((r) => [r.viewpoint.id, r.source?.n])).toEqual([
      ['medical-professionals', 5],
      ['technology-developers', 4],
      ['healthcare-administrators', 2],
    ]);
  });

  it('says when a viewpoint has no source', () => {
    const lonely = { ...seed, sources: seed.sources.filter((s) => s.viewpointId !== 'technology-developers') };
    expect(nextReads(lonely, null).find((r) => r.viewpoint.id === 'technology-developers')?.source).toBeNull();
  });

  it('searches for the headline and the outlet only', () => {
    expect(searchTextFor(fortune)).toBe(
      "Morgan Stanley warns an AI breakthrough Is coming in 2026 — and most of the world isn't ready Fortune",
    );
  });
});

describe('the reasons of a match, said of a newer version of its story', () => {
  // A sync while the side panel shows the tab's story replaces it with its newer version; the
  // match's reasons name sources by number, and a newer version may number them otherwise.
  const page = { url: fortune.url!, title: 'Morgan Stanley warns', siteName: 'Fortune' };
  const reasons = reasonsFor(page);
  const renumbered: Story = {
    ...withUrls,
    sources: [
      { n: 1, outlet: 'Reuters', viewpointId: 'technology-developers', title: 'A new first source', url: 'https://reuters.com/x' },
      ...withUrls.sources.map((s) => ({ ...s, n: s.n + 1 })),
    ],
  };

  it('names the same article by its new number', () => {
    const said = reasonsForNewer(reasons, withUrls, renumbered);
    expect(said[0]).toMatchObject({ code: 'reasonSource', args: ['3', 'Fortune'], detail: 'This page is source [3], Fortune' });
    expect(placeReader(renumbered, page, said)).toMatchObject({ kind: 'source', source: { n: 3, outlet: 'Fortune' } });
    // Said of the newer story as they were, they made the reader's page another outlet's.
    expect(placeReader(renumbered, page, reasons)).toMatchObject({ kind: 'source', source: { n: 2, outlet: 'Microsoft' } });
  });

  it('drops a reason whose source the newer story no longer cites, and keeps the others', () => {
    const without: Story = { ...withUrls, sources: withUrls.sources.filter((s) => s.n !== 2) };
    const other = { kind: 'entities' as const, detail: 'Shares rare names: Mayo', code: 'reasonNames', args: ['Mayo'] };
    expect(reasonsForNewer([...reasons, other], withUrls, without)).toEqual([...reasons.slice(1), other]);
    expect(reasonsForNewer(reasons, withUrls, withUrls)).toEqual(reasons);
  });
});
