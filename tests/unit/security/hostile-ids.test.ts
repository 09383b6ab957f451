// Ids and slugs that are also names of Object.prototype (issue 21 finding 5): `constructor` is a
// valid story id and topic slug, and names maps read from JSON may carry `__proto__` or
// `toString` as own keys. Every id-keyed lookup must see only what the store gave.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideAlerts, previousOf } from '../../../lib/alerts/decide.ts';
import { buildStore } from '../../../lib/store/build.ts';
import type { Story } from '../../../lib/story/story.ts';
import { listTopics } from '../../../lib/story/topic-list.ts';
import { topicLabel } from '../../../lib/story/topics.ts';

const seed: Story = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8'));
const NOW = Date.parse('2026-06-23T12:00:00Z');

describe('a store whose topic or story is called `constructor`', () => {
  it('the popup names the topic "Constructor", not Object\'s constructor function', () => {
    expect(topicLabel('constructor')).toBe('Constructor');
    expect(topicLabel('constructor', {})).toBe('Constructor');
  });

  it('names maps read from JSON with `__proto__` and `toString` keys name only those topics', () => {
    const names = JSON.parse('{"__proto__": "Proto", "toString": "Text", "ai": "Artificial intelligence"}') as Record<string, string>;
    expect(topicLabel('ai', names)).toBe('Artificial intelligence');
    expect(topicLabel('constructor', names)).toBe('Constructor');
    expect(topicLabel('valueof', names)).toBe('Valueof');
  });

  it('the options page lists and sorts a `constructor` topic', () => {
    const stories = [
      { ...seed, id: 'a', topic: 'constructor' },
      { ...seed, id: 'b', topic: 'ai' },
    ];
    expect(listTopics(stories, { ai: 'Artificial intelligence' })).toEqual([
      { id: 'ai', name: 'Artificial intelligence', stories: 1 },
      { id: 'constructor', name: 'Constructor', stories: 1 },
    ]);
  });

  it('build-store names a `constructor` topic instead of dying on a ZodError', async () => {
    const built = await buildStore([{ ...seed, id: 'a', topic: 'constructor' }], { now: new Date('2026-06-23T00:00:00Z') });
    expect(built.manifest.topics).toEqual([{ id: 'constructor', name: 'Constructor' }]);
  });

  it('alerts on a followed story called `constructor` that gains three outlets', () => {
    const before = { ...structuredClone(seed), id: 'constructor' };
    const start = Math.max(...before.sources.map((s) => s.n)) + 1;
    const extra = [0, 1, 2].map((i) => ({
      n: start + i,
      outlet: `Outlet ${i}`,
      viewpointId: before.sources[0]!.viewpointId,
      title: 'More',
    }));
    const after = { ...before, sources: [...before.sources, ...extra] };
    const { alerts, ledger } = decideAlerts(
      previousOf([before]),
      [after],
      { topics: [], stories: ['constructor'] },
      { told: [], outlets: {} },
      NOW,
    );
    expect(alerts).toEqual([expect.objectContaining({ kind: 'story-update', storyId: 'constructor', newOutlets: 3 })]);
    expect(Object.hasOwn(ledger.outlets, 'constructor')).toBe(true);
    expect(typeof ledger.outlets.constructor).toBe('number');
  });
});
