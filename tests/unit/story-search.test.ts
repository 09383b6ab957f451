import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { searchStories } from '../../lib/story/search.ts';
import type { Story } from '../../lib/story/story.ts';

const load = (f: string): Story => JSON.parse(readFileSync(`tests/fixtures/e2e-store/${f}.json`, 'utf8'));
const mayo = load('microsoft-mayo-clinic-frontier-ai-model');
const transit = load('riverton-transit-levy-vote');
const ids = (q: string) => searchStories([mayo, transit], q).map((s) => s.id);

describe('searchStories', () => {
  it('lists the newest stories first for an empty query', () => {
    expect(ids('')).toEqual([mayo.id, transit.id]);
  });

  it('orders by the instant published, whatever offset each date is written in', () => {
    // 09:00 at +05:00 is 04:00 UTC, an hour before 05:00Z: as text it would sort first.
    const east = { ...mayo, id: 'east', publishedAt: '2026-12-07T09:00:00+05:00' };
    const utc = { ...transit, id: 'utc', publishedAt: '2026-12-07T05:00:00Z' };
    expect(searchStories([east, utc], '').map((s) => s.id)).toEqual(['utc', 'east']);
    expect(searchStories([utc, east], '').map((s) => s.id)).toEqual(['utc', 'east']);
  });

  it.each([
    ['a title word', 'frontier', [mayo.id]],
    ['a word being typed', 'front', [mayo.id]],
    ['a topic', 'cities', [transit.id]],
    ['a category', 'local government', [transit.id]],
    ['an outlet', 'Fortune', [mayo.id]],
    ['an outlet domain', 'valleybiz', [transit.id]],
    ['accents and case folded', 'FRÖNTIER', [mayo.id]],
    ['words that must all match', 'transit fortune', []],
    ['nothing', 'earthquake', []],
  ])('finds stories by %s', (_, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('ranks title matches above outlet matches', () => {
    const other = { ...transit, id: 'other', title: 'Fortune favours transit', sources: transit.sources };
    expect(searchStories([mayo, other], 'fortune').map((s) => s.id)).toEqual(['other', mayo.id]);
  });

  it('summarises each result with its outlet count', () => {
    expect(searchStories([mayo], 'mayo')[0]).toMatchObject({ id: mayo.id, outlets: 7, topic: 'ai', category: 'Medical AI' });
  });
});
