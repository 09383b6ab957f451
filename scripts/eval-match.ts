// npm run eval:match -- DATASET_DIR... [--pages PAGES_DIR...]
// Makes the cases of each data set with make-match-cases.py, runs `lens match QUERIES --stories
// DIR` on every rotation (the CLI the README documents, one process per rotation, so the index
// is built once per run) and prints correct / wrong / false match per set and overall.
// With --pages, also matches real pages (extraction corpus folders: page.html + truth.json),
// none of them about a corpus event, against every set's stories: each match is a false one.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { extractFile } from '../cli/extract.ts';
import { addTally, emptyTally, formatTally, makeCases, tally, type Rotation, type Tally } from './match-cases.ts';

const args = process.argv.slice(2);
const split = args.indexOf('--pages');
const sets = split < 0 ? args : args.slice(0, split);
const pageSets = split < 0 ? [] : args.slice(split + 1);
const missing = [...sets, ...pageSets].filter((d) => !existsSync(d));
if (missing.length) {
  process.stderr.write(`eval:match: no such folder: ${missing.join(', ')}\n`);
  process.exit(2);
}
if (!sets.length || (split >= 0 && !pageSets.length)) {
  process.stderr.write('usage: npm run eval:match -- DATASET_DIR... [--pages PAGES_DIR...] (e.g. ../shared/corpus/matching/basil ../shared/corpus/matching/ecbplus --pages ../shared/corpus/pages/mercury-fixtures)\n');
  process.exit(2);
}
const firstRotations: Rotation[] = [];

let overall = emptyTally();
for (const dataset of sets) {
  let setTally = emptyTally();
  const rotations = makeCases(dataset);
  firstRotations.push(rotations[0]!);
  for (const rot of rotations) {
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

if (pageSets.length) offCorpusPages(pageSets, firstRotations);

/**
 * Real pages, extracted as the extension extracts them, matched against the stories of every
 * set's first rotation together: no page is about a corpus event, so every match is a false one.
 * Each is listed with its reason, for a person to check that claim, and the closest misses.
 */
function offCorpusPages(dirs: string[], rotations: Rotation[]): void {
  const out = resolve('eval-output/cases/pages');
  rmSync(out, { recursive: true, force: true });
  const stories = join(out, 'stories');
  mkdirSync(stories, { recursive: true });
  for (const rot of rotations) for (const f of readdirSync(rot.storiesDir)) cpSync(join(rot.storiesDir, f), join(stories, `${rot.set}-${f}`));
  const lines: string[] = [];
  let notArticles = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (!existsSync(join(dir, name, 'truth.json'))) continue;
      const truth = JSON.parse(readFileSync(join(dir, name, 'truth.json'), 'utf8')) as { url?: string };
      const ex = extractFile(join(dir, name, 'page.html'), truth.url || undefined);
      if (ex.kind !== 'article') {
        notArticles++;
        continue;
      }
      lines.push(JSON.stringify({ ...ex.article, id: `${basename(resolve(dir))}/${name}` }));
    }
  }
  const queries = join(out, 'pages.jsonl');
  writeFileSync(queries, lines.join('\n'));
  const answers = execFileSync(process.execPath, ['--import', 'tsx', 'cli/lens.ts', 'match', queries, '--stories', stories], { encoding: 'utf8', maxBuffer: 1 << 28 })
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; storyId: string | null; confidence: number; reasons: { detail: string }[]; alternatives: { confidence: number }[] });
  const matched = answers.filter((a) => a.storyId);
  const pct = answers.length ? ((100 * matched.length) / answers.length).toFixed(2) : '0.00';
  process.stdout.write(`\nreal pages against the ${readdirSync(stories).length} stories of ${rotations.map((r) => `${r.set} ${r.name}`).join(' + ')}: false match ${pct} % (${matched.length}/${answers.length}; ${notArticles} pages are not articles)\n`);
  for (const a of matched) process.stdout.write(`   ${a.id} -> ${a.storyId} ${a.confidence}: ${a.reasons[0]?.detail ?? ''}\n`);
  const closest = answers.filter((a) => !a.storyId).map((a) => ({ id: a.id, c: Math.max(0, ...a.alternatives.map((x) => x.confidence)) })).sort((x, y) => y.c - x.c).slice(0, 3);
  process.stdout.write(`   closest of the rest: ${closest.map((x) => `${x.id} ${x.c.toFixed(3)}`).join(', ')}\n`);
}
