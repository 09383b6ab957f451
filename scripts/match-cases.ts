// The evaluation protocol of ../shared/corpus/README.md, shared by eval:match and fit:match:
// cases come only from make-match-cases.py, so every number means the same thing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const MAKE_CASES = resolve('../shared/corpus/make-match-cases.py');

export interface Expected {
  id: string;
  storyId: string | null;
  kind: 'in-store' | 'unseen';
}

export interface Rotation {
  set: string;
  name: string;
  dir: string;
  storiesDir: string;
  queriesFile: string;
  expected: Expected[];
}

const jsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** Runs make-match-cases.py for `dataset` into eval-output/cases/<set>; returns its rotations with queries. */
export function makeCases(dataset: string, script = process.env.MAKE_MATCH_CASES ?? MAKE_CASES): Rotation[] {
  const set = basename(resolve(dataset));
  if (!existsSync(join(dataset, 'articles.jsonl')))
    throw new Error(`${dataset}: no articles.jsonl (give a folder such as ../shared/corpus/matching/basil)`);
  if (!existsSync(script)) throw new Error(`${script}: make-match-cases.py not found (set MAKE_MATCH_CASES)`);
  const out = resolve('eval-output/cases', set);
  execFileSync('python3', [script, dataset, out], { stdio: ['ignore', 'ignore', 'inherit'] });
  return readdirSync(out)
    .filter((r) => /^r\d+$/.test(r))
    .sort()
    .map((name) => {
      const dir = join(out, name);
      return {
        set,
        name,
        dir,
        storiesDir: join(dir, 'stories'),
        queriesFile: join(dir, 'queries.jsonl'),
        expected: jsonl<Expected>(join(dir, 'expected.jsonl')),
      };
    })
    .filter((r) => r.expected.length > 0);
}

export { jsonl };

/** Counts over queries: in-store right / wrong / missed, unseen matched anyway. */
export interface Tally {
  inStore: number;
  unseen: number;
  correct: number;
  wrong: number;
  missed: number;
  falseMatch: number;
}

export const emptyTally = (): Tally => ({ inStore: 0, unseen: 0, correct: 0, wrong: 0, missed: 0, falseMatch: 0 });

/** Adds one answer to `t`. */
export function tally(t: Tally, e: Expected, storyId: string | null): void {
  if (e.kind === 'unseen') {
    t.unseen++;
    if (storyId) t.falseMatch++;
  } else {
    t.inStore++;
    if (storyId === e.storyId) t.correct++;
    else if (storyId) t.wrong++;
    else t.missed++;
  }
}

export function addTally(a: Tally, b: Tally): Tally {
  return {
    inStore: a.inStore + b.inStore,
    unseen: a.unseen + b.unseen,
    correct: a.correct + b.correct,
    wrong: a.wrong + b.wrong,
    missed: a.missed + b.missed,
    falseMatch: a.falseMatch + b.falseMatch,
  };
}

// Two decimals: 339/357 is 94.96 %, which one decimal would print as the 95 % target.
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(2)} %` : '–');

/** One line: correct / wrong / false match, as counts and rates. */
export function formatTally(label: string, t: Tally): string {
  return [
    label.padEnd(18),
    `correct ${pct(t.correct, t.inStore).padStart(7)} (${t.correct}/${t.inStore})`,
    ` wrong ${pct(t.wrong, t.inStore).padStart(6)} (${t.wrong})`,
    ` missed ${pct(t.missed, t.inStore).padStart(6)} (${t.missed})`,
    ` false match ${pct(t.falseMatch, t.unseen).padStart(6)} (${t.falseMatch}/${t.unseen})`,
  ].join(' ');
}
