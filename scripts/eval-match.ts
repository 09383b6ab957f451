// npm run eval:match -- DATASET_DIR...
// Makes the cases of each data set with make-match-cases.py, runs `lens match QUERIES --stories
// DIR` on every rotation (the CLI the README documents, one process per rotation, so the index
// is built once per run) and prints correct / wrong / false match per set and overall.
import { execFileSync } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { addTally, emptyTally, formatTally, makeCases, tally, type Tally } from './match-cases.ts';

const sets = process.argv.slice(2);
if (!sets.length) {
  process.stderr.write('usage: npm run eval:match -- DATASET_DIR... (e.g. ../shared/corpus/matching/basil ../shared/corpus/matching/ecbplus)\n');
  process.exit(2);
}

let overall = emptyTally();
for (const dataset of sets) {
  let setTally = emptyTally();
  for (const rot of makeCases(dataset)) {
    const started = performance.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'cli/lens.ts', 'match', rot.queriesFile, '--stories', rot.storiesDir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const answers = new Map(out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; storyId: string | null }).map((a) => [a.id, a.storyId]));
    const t: Tally = emptyTally();
    for (const e of rot.expected) tally(t, e, answers.get(e.id) ?? null);
    process.stdout.write(`${formatTally(`${rot.set} ${rot.name}`, t)}  [${((performance.now() - started) / 1000).toFixed(1)} s]\n`);
    setTally = addTally(setTally, t);
  }
  process.stdout.write(`${formatTally(`${basename(resolve(dataset))} all`, setTally)}\n`);
  overall = addTally(overall, setTally);
}
process.stdout.write(`${formatTally('OVERALL', overall)}\n`);
