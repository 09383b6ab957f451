import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import bundled from 'virtual:bundled-stories';
import { parseStories, type Story } from '../../lib/story/story.ts';
import { storyFigures } from '../../lib/story/figures.ts';
import { EDGE_NAMES, edgeStory } from '../fixtures/edge-stories.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const copy = (): Story => structuredClone(seed);

describe('the bundled store', () => {
  it('parses with zero rejections', () => {
    const files = readdirSync('data/stories').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    const { stories, rejected } = parseStories(files.map((f) => JSON.parse(readFileSync(`data/stories/${f}`, 'utf8'))));
    expect(rejected).toEqual([]);
    expect(stories).toHaveLength(files.length);
  });

  it('is what the build bundles', () => {
    expect(parseStories(bundled).stories.map((s) => s.id)).toContain(seed.id);
  });
});

describe('the numbers a story shows', () => {
  it('are taken up to their bounds', () => {
    const story = { ...copy(), readMinutes: 600, series: { position: 9999, of: 9999 } };
    story.sources[0]!.n = 9999;
    expect(parseStories([story]).rejected).toEqual([]);
  });

  it('refuse no story of the bundled store, the fixtures, FORMAT.md or the edge stories', () => {
    const stories: unknown[] = [];
    for (const dir of ['data/stories', 'tests/fixtures/e2e-store', 'tests/fixtures/e2e-remote', '../shared/factlen/stories']) {
      const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
      for (const f of files) {
        const json: unknown = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
        // Store fixtures hold manifests and shards too: only what has the shape of a story counts.
        const found = (v: unknown): void => {
          if (Array.isArray(v)) v.forEach(found);
          else if (v && typeof v === 'object') {
            if ('sources' in v && 'viewpoints' in v) stories.push(v);
            else Object.values(v).forEach(found);
          }
        };
        found(json);
      }
    }
    for (const name of EDGE_NAMES) stories.push(edgeStory(name, (id) => `https://reader.example/${id}`));
    expect(stories.length).toBeGreaterThan(EDGE_NAMES.length);
    // One at a time: the same story is in several of these folders, and a store refuses a repeated id.
    expect(stories.flatMap((story) => parseStories([story]).rejected)).toEqual([]);
  });
});

describe('parseStories', () => {
  // One broken copy per rule of FORMAT.md, and the field path each must be rejected at.
  const broken: [string, (s: Record<string, any>) => void, string][] = [
    ['a missing required field', (s) => delete s.title, 'title'],
    ['a wrong type', (s) => (s.viewpoints[0].share = '35%'), 'viewpoints[0].share'],
    ['an id that is not a slug', (s) => (s.id = 'Microsoft Mayo'), 'id'],
    ['a topic that is not a slug', (s) => (s.topic = 'A.I.'), 'topic'],
    ['an empty title', (s) => (s.title = ''), 'title'],
    ['a title over 300 characters', (s) => (s.title = 'x'.repeat(301)), 'title'],
    ['a publishedAt without an offset', (s) => (s.publishedAt = '2026-06-21T16:32:00'), 'publishedAt'],
    ['a publishedAt that is not a date', (s) => (s.publishedAt = 'June 21'), 'publishedAt'],
    ['an updatedAt that is not a date', (s) => (s.updatedAt = 'yesterday'), 'updatedAt'],
    ['shares that add up to more than 1', (s) => (s.viewpoints[0].share = 0.5), 'viewpoints'],
    ['shares that add up to less than 1', (s) => (s.viewpoints[2].share = 0.1), 'viewpoints'],
    ['a share above 1', (s) => (s.viewpoints[0].share = 1.2), 'viewpoints[0].share'],
    ['no viewpoints', (s) => (s.viewpoints = []), 'viewpoints'],
    [
      'more than 12 viewpoints',
      (s) => (s.viewpoints = Array.from({ length: 13 }, (_, i) => ({ id: `v${i}`, name: 'V', share: 1 / 13, summary: '' }))),
      'viewpoints',
    ],
    ['a repeated viewpoint id', (s) => (s.viewpoints[1].id = s.viewpoints[0].id), 'viewpoints[1].id'],
    ['a viewpointId that names no viewpoint', (s) => (s.sources[3].viewpointId = 'patients'), 'sources[3].viewpointId'],
    ['a repeated citation number', (s) => (s.sources[4].n = 1), 'sources[4].n'],
    ['a citation number below 1', (s) => (s.sources[0].n = 0), 'sources[0].n'],
    ['a fractional citation number', (s) => (s.sources[0].n = 1.5), 'sources[0].n'],
    ['no sources', (s) => (s.sources = []), 'sources'],
    ['an http story URL', (s) => (s.url = 'http://factlen.com/stories/x'), 'url'],
    ['a javascript: source URL', (s) => (s.sources[1].url = 'javascript:alert(1)'), 'sources[1].url'],
    ['a source URL that is not a URL', (s) => (s.sources[1].url = 'fortune dot com'), 'sources[1].url'],
    ['an outletDomain that is not a hostname', (s) => (s.sources[1].outletDomain = 'https://fortune.com/'), 'sources[1].outletDomain'],
    ['markup in a title', (s) => (s.title = 'Microsoft <b>and</b> Mayo'), 'title'],
    ['markup in a body paragraph', (s) => (s.body[0] = '<img src=x onerror=alert(1)>'), 'body[0]'],
    ['markup in a missing perspective', (s) => (s.missingPerspectives[0] = '<script>x</script>'), 'missingPerspectives[0]'],
    ['a body item that is neither text nor a caption', (s) => (s.body[1] = { image: 'x.png' }), 'body[1]'],
    ['a series position past its end', (s) => (s.series = { position: 6, of: 5 }), 'series.position'],
    ['a fractional readMinutes', (s) => (s.readMinutes = 2.5), 'readMinutes'],
    ['a read time of 99,999,999,999 minutes', (s) => (s.readMinutes = 99_999_999_999), 'readMinutes'],
    ['a read time past ten hours', (s) => (s.readMinutes = 601), 'readMinutes'],
    ['a series of a trillion', (s) => (s.series = { position: 1, of: 1e12 }), 'series.of'],
    ['a series position past four digits', (s) => (s.series = { position: 10_000, of: 10_000 }), 'series.position'],
    ['a citation number past four digits', (s) => (s.sources[0].n = 1e15), 'sources[0].n'],
    ['a stat without a label', (s) => (s.stats[0] = { value: '$45B' }), 'stats[0].label'],
  ];

  it.each(broken)('rejects %s at the right field', (_, breakIt, path) => {
    const story = copy() as Record<string, any>;
    breakIt(story);
    const { stories, rejected } = parseStories([story]);
    expect(stories).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.id).toBe(typeof story.id === 'string' ? story.id : null);
    expect(rejected[0]!.issues.map((i) => i.path)).toContain(path);
    for (const issue of rejected[0]!.issues) expect(issue.message).toMatch(/\w/);
  });

  it('keeps the valid stories of a batch and reports each rejected one by position', () => {
    const bad = copy() as Record<string, any>;
    bad.id = 'broken-one';
    delete bad.sources;
    const other = { ...copy(), id: 'another-story' };
    const { stories, rejected } = parseStories([copy(), bad, 'not a story', other]);
    expect(stories.map((s) => s.id)).toEqual([seed.id, 'another-story']);
    expect(rejected.map((r) => [r.index, r.id])).toEqual([
      [1, 'broken-one'],
      [2, null],
    ]);
    expect(rejected[0]!.issues).toEqual([{ path: 'sources', message: 'is required but missing' }]);
    expect(parseStories({ ...copy(), readMinutes: 'three' }).rejected[0]!.issues).toEqual([
      { path: 'readMinutes', message: 'must be a number, not string' },
    ]);
  });

  it('rejects a later story that repeats an id', () => {
    const { stories, rejected } = parseStories([copy(), copy()]);
    expect(stories).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ index: 1, issues: [{ path: 'id' }] });
  });

  it('accepts shares within ±0.01, http source URLs, plain "<" in prose and unknown fields', () => {
    const s = copy() as Record<string, any>;
    s.viewpoints[2].share = 0.305;
    s.sources[0].url = 'http://news.microsoft.com/mai';
    s.whyItMatters = 'Costs fell by < 5 % and quality rose.';
    s.futureField = { anything: true };
    const { stories, rejected } = parseStories(s);
    expect(rejected).toEqual([]);
    expect(stories[0]).not.toHaveProperty('futureField');
  });
});

describe('storyFigures', () => {
  it('derives outlets, viewpoints surfaced and sources per viewpoint', () => {
    const f = storyFigures(seed);
    expect(f.outlets).toBe(7);
    expect(f.viewpointsSurfaced).toBe(3);
    expect(f.missing).toBe(2);
    expect(f.byViewpoint.map((g) => [g.viewpoint.id, g.sources.map((s) => s.n)])).toEqual([
      ['medical-professionals', [5, 6]],
      ['technology-developers', [1, 4, 7]],
      ['healthcare-administrators', [2, 3]],
    ]);
  });

  it('counts an outlet once however often it is cited, and leaves out viewpoints with no source', () => {
    const s = copy();
    s.sources = s.sources.map((src) => ({ ...src, outlet: src.n <= 2 ? 'Fortune' : src.outlet, viewpointId: 'technology-developers' }));
    const f = storyFigures(s);
    expect(f.outlets).toBe(6);
    expect(f.viewpointsSurfaced).toBe(1);
    expect(f.byViewpoint).toHaveLength(1);
  });

  it('counts outlets as a reader sees them: a variation selector or a full-width form is no other outlet', () => {
    const s = copy();
    const names = ['Fortune', 'Fortune\ufe00', 'Ｆｏｒｔｕｎｅ', 'fortune\u{e0100}'];
    s.sources = s.sources.map((src) => ({ ...src, outlet: names[src.n - 1] ?? src.outlet }));
    expect(storyFigures(s).outlets).toBe(4);
  });
});
