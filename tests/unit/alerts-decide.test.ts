import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alertCandidates, decideAlerts, EMPTY_LEDGER, previousOf, sameStore, type Follows, type Ledger } from '../../lib/alerts/decide.ts';
import type { Story } from '../../lib/story/story.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const NOW = Date.parse('2026-06-23T12:00:00Z');

/** A story of the seed's shape with its own id, topic and date. */
function story(id: string, changes: Partial<Story> = {}): Story {
  return { ...structuredClone(seed), id, ...changes };
}
/** Adds `n` sources from new outlets under `viewpointId`. */
function withSources(s: Story, n: number, viewpointId = 'technology-developers'): Story {
  const start = Math.max(...s.sources.map((x) => x.n)) + 1;
  const extra = Array.from({ length: n }, (_, i) => ({ n: start + i, outlet: `Outlet ${start + i}`, viewpointId, title: 'More coverage' }));
  return { ...s, sources: [...s.sources, ...extra] };
}

const followAi: Follows = { topics: ['ai'], stories: [] };
const followSeed: Follows = { topics: [], stories: [seed.id] };
const base = story(seed.id);
// A followed story whose sources did not yet surface one of its viewpoints.
const narrow: Story = { ...base, sources: base.sources.filter((s) => s.viewpointId !== 'healthcare-administrators') };

describe('decideAlerts', () => {
  const cases: [string, Story[] | null, Story[], Follows, Ledger, string[]][] = [
    ['raises nothing on the first load: it only records a baseline', null, [base, story('other')], followAi, EMPTY_LEDGER, []],
    ['raises nothing when the same store syncs again', [base], [base], followAi, EMPTY_LEDGER, []],
    ['announces a new story in a followed topic', [base], [base, story('fresh')], followAi, EMPTY_LEDGER, ['new-story:fresh']],
    [
      'stays silent about a new story in a topic not followed',
      [base],
      [base, story('fresh', { topic: 'cities' })],
      followAi,
      EMPTY_LEDGER,
      [],
    ],
    [
      'never announces a story twice, even after the store lost it',
      [base],
      [base, story('fresh')],
      followAi,
      { told: ['story:fresh'], outlets: {} },
      [],
    ],
    [
      'does not call an old story news when it first appears',
      [base],
      [base, story('old', { publishedAt: '2025-01-01T00:00:00Z' })],
      followAi,
      EMPTY_LEDGER,
      [],
    ],
    [
      'tells a followed story gained a viewpoint',
      [narrow],
      [base],
      followSeed,
      EMPTY_LEDGER,
      ['update:new viewpoint Healthcare Administrators & Analysts'],
    ],
    [
      'tells a missing perspective is now represented',
      [base],
      [{ ...base, missingPerspectives: ['Rural Healthcare Providers'] }],
      followSeed,
      EMPTY_LEDGER,
      ['update:now represented Patient Advocacy Groups'],
    ],
    [
      'stays silent about a typo fixed in a missing perspective',
      [{ ...base, missingPerspectives: ['Patient Advocacy Grups', 'Rural Healthcare Providers'] }],
      [{ ...base, missingPerspectives: ['Patient advocacy groups', 'Rural Healthcare Providers'] }],
      followSeed,
      EMPTY_LEDGER,
      [],
    ],
    [
      'tells a perspective is represented while another is respelt',
      [{ ...base, missingPerspectives: ['Patient Advocacy Groups', 'Rural Health Care Providers'] }],
      [{ ...base, missingPerspectives: ['Rural Healthcare Providers'] }],
      followSeed,
      EMPTY_LEDGER,
      ['update:now represented Patient Advocacy Groups'],
    ],
    [
      'stays silent about a viewpoint that only changed its id',
      [base],
      [
        {
          ...base,
          viewpoints: base.viewpoints.map((v) =>
            v.id === 'technology-developers' ? { ...v, id: 'tech-developers', name: 'Technology developers' } : v,
          ),
          sources: base.sources.map((s) => (s.viewpointId === 'technology-developers' ? { ...s, viewpointId: 'tech-developers' } : s)),
        },
      ],
      followSeed,
      EMPTY_LEDGER,
      [],
    ],
    ['tells of marked growth in coverage', [base], [withSources(base, 3)], followSeed, EMPTY_LEDGER, ['update:+3 outlets']],
    ['stays silent about small growth', [base], [withSources(base, 2)], followSeed, EMPTY_LEDGER, []],
    [
      'counts slow growth from what the reader last heard',
      [withSources(base, 2)],
      [withSources(base, 3)],
      followSeed,
      { told: [], outlets: { [seed.id]: 7 } },
      ['update:+3 outlets'],
    ],
    ['stays silent about changes to a story not followed', [narrow], [withSources(base, 5)], followAi, EMPTY_LEDGER, []],
    [
      'does not repeat a viewpoint already told',
      [narrow],
      [base],
      followSeed,
      { told: [`viewpoint:${seed.id}:healthcare-administrators`], outlets: {} },
      [],
    ],
    [
      'combines the changes to one story into one alert',
      [narrow],
      [{ ...withSources(base, 3), missingPerspectives: [] }],
      followSeed,
      EMPTY_LEDGER,
      [
        'update:now represented Patient Advocacy Groups,Rural Healthcare Providers; new viewpoint Healthcare Administrators & Analysts; +5 outlets',
      ],
    ],
  ];

  it.each(cases)('%s', (_, prev, next, follows, ledger, expected) => {
    const { alerts } = decideAlerts(prev && previousOf(prev), next, follows, ledger, NOW);
    expect(
      alerts.map((a) =>
        a.kind === 'new-story'
          ? `new-story:${a.storyId}`
          : `update:${[
              a.nowRepresented.length ? `now represented ${a.nowRepresented.join(',')}` : '',
              a.newViewpoints.length ? `new viewpoint ${a.newViewpoints.join(',')}` : '',
              a.newOutlets ? `+${a.newOutlets} outlets` : '',
            ]
              .filter(Boolean)
              .join('; ')}`,
      ),
    ).toEqual(expected);
  });

  it('raises nothing after a restart that replays the same change', () => {
    const first = decideAlerts(previousOf([base]), [base, story('fresh')], followAi, EMPTY_LEDGER, NOW);
    expect(first.alerts).toHaveLength(1);
    // The worker restarted before it saved the new store, so it sees the same change again.
    const replay = decideAlerts(previousOf([base]), [base, story('fresh')], followAi, first.ledger, NOW);
    expect(replay.alerts).toEqual([]);
  });

  it('puts the newest change first, whatever the order of the store', () => {
    const on = (day: string) => `2026-06-${day}T08:00:00Z`;
    const next = [
      base,
      story('monday', { publishedAt: on('17') }),
      story('friday', { publishedAt: on('19') }),
      story('sunday', { publishedAt: on('21') }),
    ];
    const { alerts } = decideAlerts(previousOf([base]), next, followAi, EMPTY_LEDGER, NOW);
    expect(alerts.map((a) => a.storyId)).toEqual(['sunday', 'friday', 'monday']);
  });

  it('records the outlet baseline of a followed story on the first load', () => {
    const { ledger } = decideAlerts(null, [base], followSeed, EMPTY_LEDGER, NOW);
    expect(ledger.outlets).toEqual({ [seed.id]: 7 });
  });

  it('moves the growth baseline only when it tells', () => {
    const small = decideAlerts(previousOf([base]), [withSources(base, 2)], followSeed, { told: [], outlets: { [seed.id]: 7 } }, NOW);
    expect(small.ledger.outlets[seed.id]).toBe(7);
    const big = decideAlerts(previousOf([withSources(base, 2)]), [withSources(base, 4)], followSeed, small.ledger, NOW);
    expect(big.alerts).toHaveLength(1);
    expect(big.ledger.outlets[seed.id]).toBe(11);
  });

  it('forgets the baseline of a story no longer followed', () => {
    const { ledger } = decideAlerts(previousOf([base]), [base], followAi, { told: [], outlets: { [seed.id]: 7 } }, NOW);
    expect(ledger.outlets).toEqual({});
  });
});

describe('alertCandidates', () => {
  it('hands the decision the stories new since the last store and the followed ones, in store order', () => {
    const before = new Set(['a', 'b', 'c']);
    expect(alertCandidates(before, ['a', 'b', 'c', 'd', 'e'], ['b', 'x'])).toEqual(['b', 'd', 'e']);
    expect(alertCandidates(before, ['a', 'b'], [])).toEqual([]);
    expect(alertCandidates(new Set(), ['a'], [])).toEqual(['a']);
  });
});

describe('sameStore', () => {
  it('compares a store only with itself: the first store and a switch to another are baselines', () => {
    const a = { storeUrl: 'https://a.example/manifest.json' };
    expect(sameStore(a, { ...a })).toBe(true);
    expect(sameStore(null, a)).toBe(false);
    expect(sameStore(a, { storeUrl: 'https://b.example/manifest.json' })).toBe(false);
    expect(sameStore(a, null)).toBe(false);
  });
});
