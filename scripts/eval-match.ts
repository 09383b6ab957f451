// npm run eval:match -- DATASET_DIR... [--pages PAGES_DIR...] [--show N]
// Makes the cases of each data set with make-match-cases.py, runs `lens match QUERIES --stories
// DIR` on every rotation (the CLI the README documents, one process per rotation, so the index
// is built once per run) and prints correct / wrong / false match per set and overall.
// With --pages, also matches real pages (extraction corpus folders: page.html + truth.json),
// none of them about a corpus event, against every set's stories: each match is a false one.
// With --show N, lists the sweep's N most confident false and wrong answers, each with the
// article's headline, the story's title and the reasons the popup would give: read one by one,
// they are where misreadings show ("Same figures: 19 covid").
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { extractFile } from '../cli/extract.ts';
import { CliError, readStoryDir } from '../cli/io.ts';
import { buildIndex, matchArticle } from '../lib/match/index.ts';
import { addTally, emptyTally, formatTally, makeCases, tally, type Rotation, type Tally } from './match-cases.ts';
import { bundledCases, drawsOf, redate, rng, seedOf, SIZES, sizeLabel, type Query } from './match-sweep.ts';

const argv = process.argv.slice(2);
const showAt = argv.indexOf('--show');
const show = showAt < 0 ? 0 : Number(argv[showAt + 1]);
const args = showAt < 0 ? argv : [...argv.slice(0, showAt), ...argv.slice(showAt + 2)];
if (!Number.isInteger(show) || show < 0) {
  process.stderr.write('eval:match: --show takes how many answers to list, e.g. --show 20\n');
  process.exit(2);
}
const split = args.indexOf('--pages');
const sets = split < 0 ? args : args.slice(0, split);
const pageSets = split < 0 ? [] : args.slice(split + 1);
const missing = [...sets, ...pageSets].filter((d) => !existsSync(d));
if (missing.length) {
  process.stderr.write(`eval:match: no such folder: ${missing.join(', ')}\n`);
  process.exit(2);
}
if (!sets.length || (split >= 0 && !pageSets.length)) {
  process.stderr.write(
    'usage: npm run eval:match -- DATASET_DIR... [--pages PAGES_DIR...] [--show N]\n' +
      '  (e.g. ../shared/corpus/matching/basil ../shared/corpus/matching/ecbplus --pages ../shared/corpus/pages/mercury-fixtures)\n',
  );
  process.exit(2);
}
const firstRotations: Rotation[] = [];
const allRotations: Rotation[] = [];

let overall = emptyTally();
for (const dataset of sets) {
  let setTally = emptyTally();
  const rotations = makeCases(dataset);
  firstRotations.push(rotations[0]!);
  allRotations.push(...rotations);
  for (const rot of rotations) {
    const started = performance.now();
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'cli/lens.ts', 'match', rot.queriesFile, '--stories', rot.storiesDir], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const answers = new Map(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; storyId: string | null })
        .map((a) => [a.id, a.storyId]),
    );
    const t: Tally = emptyTally();
    for (const e of rot.expected) tally(t, e, answers.get(e.id) ?? null);
    process.stdout.write(`${formatTally(`${rot.set} ${rot.name}`, t)}  [${((performance.now() - started) / 1000).toFixed(1)} s]\n`);
    setTally = addTally(setTally, t);
  }
  process.stdout.write(`${formatTally(`${basename(resolve(dataset))} all`, setTally)}\n`);
  overall = addTally(overall, setTally);
}
process.stdout.write(`${formatTally('OVERALL', overall)}\n`);

const pages = pageSets.length ? extractPages(pageSets) : { queries: [], notArticles: 0 };
sweep(allRotations);
bundled(sets, pages.queries);
if (pageSets.length) offCorpusPages(pages, firstRotations);

/**
 * The store-size sweep (scripts/match-sweep.ts): per size, correct / wrong among the queries
 * whose story is in the drawn store, false match among the others, re-dated into the window of
 * a story in the store.
 */
function sweep(rotations: Rotation[]): void {
  process.stdout.write("\nstore-size sweep (drawn stores; unrelated queries re-dated into a store story's window):\n");
  const bySize = new Map<string, Tally>();
  const asked = new Map<string, Asked>();
  // Each false or wrong answer (article -> story) once, at the first store it was seen in.
  const mistaken = new Map<string, { confidence: number; line: string }>();
  for (const rot of rotations) {
    for (const draw of drawsOf(rot)) {
      const titles = show ? new Map(draw.stories.map((st) => [st.id, st.title])) : null;
      const t = emptyTally();
      const titled = emptyTally();
      const a = emptyAsked();
      for (const c of draw.cases) {
        const { match, suggestion, sameSubject } = matchArticle(c.query, draw.index);
        const expected = { id: c.query.id, storyId: c.expected, kind: c.expected ? 'in-store' : 'unseen' } as const;
        if (titles && match && match.storyId !== c.expected) {
          const key = `${c.query.id} -> ${match.storyId}`;
          if (!mistaken.has(key))
            mistaken.set(key, {
              confidence: match.confidence,
              line:
                `${match.confidence.toFixed(3)} ${c.expected ? 'wrong' : 'false'} (store of ${sizeLabel(draw.size)}) ${c.query.id} "${c.query.title}"\n` +
                `      -> ${match.storyId} "${titles.get(match.storyId)}": ${match.reasons.map((r) => r.detail).join('; ')}\n`,
            });
        }
        tally(t, expected, match?.storyId ?? null);
        if (c.query.title.trim()) tally(titled, expected, match?.storyId ?? null);
        if (c.expected && !match) {
          a.missed++;
          a.missedAsked += suggestion?.storyId === c.expected ? 1 : 0;
          a.missedListed += sameSubject?.stories.some((x) => x.storyId === c.expected) ? 1 : 0;
        }
        if (!c.expected) (a.unseen++, (a.unseenAsked += suggestion ? 1 : 0), (a.unseenListed += sameSubject ? 1 : 0));
      }
      for (const key of [`${rot.set} ${sizeLabel(draw.size)}`, `ALL ${sizeLabel(draw.size)}`]) {
        bySize.set(key, addTally(bySize.get(key) ?? emptyTally(), t));
        asked.set(key, addAsked(asked.get(key) ?? emptyAsked(), a));
      }
      const key = `HEADLINED ${sizeLabel(draw.size)}`;
      bySize.set(key, addTally(bySize.get(key) ?? emptyTally(), titled));
    }
  }
  const sets = [...new Set(rotations.map((r) => r.set)), 'ALL'];
  for (const set of sets)
    for (const size of SIZES) {
      const t = bySize.get(`${set} ${sizeLabel(size)}`);
      if (t) process.stdout.write(`${formatTally(`${set} size ${sizeLabel(size)}`, t)}\n`);
    }
  // A page in a browser always has a headline; ECB+'s older half has none (nor a date).
  process.stdout.write('\nthe same cases, articles with a headline only (as a page in a browser always has):\n');
  for (const size of SIZES) {
    const t = bySize.get(`HEADLINED ${sizeLabel(size)}`);
    if (t) process.stdout.write(`${formatTally(`HEADLINED size ${sizeLabel(size)}`, t)}\n`);
  }
  if (show) {
    process.stdout.write(
      `\nthe ${Math.min(show, mistaken.size)} most confident of ${mistaken.size} false and wrong answers (article -> story):\n`,
    );
    for (const { line } of [...mistaken.values()].sort((x, y) => y.confidence - x.confidence).slice(0, show)) process.stdout.write(line);
  }
  // Not matches, and not counted as such: the story the popup asks about when it has no match,
  // and the stories of the page's subject it lists when none is told apart as its event.
  const perSize = (heading: string, line: (a: Asked) => string) => {
    process.stdout.write(`\n${heading}:\n`);
    for (const size of SIZES) {
      const a = asked.get(`ALL ${sizeLabel(size)}`);
      if (a) process.stdout.write(`ALL size ${sizeLabel(size).padEnd(4)} ${line(a)}\n`);
    }
  };
  const share = (n: number, d: number) => `${pctOf(n, d)} (${n}/${d})`;
  perSize(
    '"Is it this story?" (no match, a story likelier than not; asked in the popup, no badge)',
    (a) =>
      `missed in-store queries asked about their story ${share(a.missedAsked, a.missed)}   unrelated queries asked about one ${share(a.unseenAsked, a.unseen)}`,
  );
  perSize(
    '"On the same subject" (no match; stories of the subject listed to read, no badge)',
    (a) =>
      `missed in-store queries with their story listed ${share(a.missedListed, a.missed)}   unrelated queries with stories listed ${share(a.unseenListed, a.unseen)}`,
  );
}

/**
 * Per store size: missed in-store queries whose story the popup asks about or lists on the same
 * subject, and unrelated queries asked about any or shown any.
 */
interface Asked {
  missed: number;
  missedAsked: number;
  missedListed: number;
  unseen: number;
  unseenAsked: number;
  unseenListed: number;
}

function emptyAsked(): Asked {
  return { missed: 0, missedAsked: 0, missedListed: 0, unseen: 0, unseenAsked: 0, unseenListed: 0 };
}

function addAsked(x: Asked, y: Asked): Asked {
  return {
    missed: x.missed + y.missed,
    missedAsked: x.missedAsked + y.missedAsked,
    missedListed: x.missedListed + y.missedListed,
    unseen: x.unseen + y.unseen,
    unseenAsked: x.unseenAsked + y.unseenAsked,
    unseenListed: x.unseenListed + y.unseenListed,
  };
}

function pctOf(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(2)} %` : '–';
}

/**
 * The store as installed (data/stories) against every article of the data sets and every
 * extracted page, each re-dated to the bundled story's day: none is about it, so every match is
 * a false one.
 */
function bundled(datasets: string[], pageQueries: Query[]): void {
  const stories = readStoryDir('data/stories', () => {});
  const index = buildIndex(stories);
  const articles = bundledCases(
    stories,
    datasets.map((d) => join(d, 'articles.jsonl')),
  );
  const day = articles[0]?.publishedTime ?? null;
  const queries = [...articles, ...pageQueries.map((q) => ({ ...q, publishedTime: day }))];
  const results = queries.map((q) => ({ q, r: matchArticle(q, index) }));
  const matched = results.filter((x) => x.r.match).map(({ q, r }) => ({ q, m: r.match }));
  const asked = results.filter((x) => x.r.suggestion).length;
  process.stdout.write(
    `\nbundled store (${stories.length} ${stories.length === 1 ? 'story' : 'stories'}) against ${articles.length} corpus articles ` +
      `and ${pageQueries.length} pages, re-dated to ${day}: matched ${matched.length}, asked "is it this story?" ${asked}\n`,
  );
  for (const { q, m } of matched.slice(0, 20))
    process.stdout.write(`   ${q.id} -> ${m!.storyId} ${m!.confidence}: ${m!.reasons.map((r) => r.detail).join('; ')}\n`);
}

/** The extraction corpus pages as the extension extracts them (articles only). */
function extractPages(dirs: string[]): { queries: Query[]; notArticles: number } {
  const queries: Query[] = [];
  let notArticles = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).sort()) {
      if (!existsSync(join(dir, name, 'truth.json'))) continue;
      const truth = JSON.parse(readFileSync(join(dir, name, 'truth.json'), 'utf8')) as { url?: string };
      let ex: ReturnType<typeof extractFile>;
      try {
        ex = extractFile(join(dir, name, 'page.html'), truth.url || undefined);
      } catch (e) {
        // A saved page the CLI refuses (empty, not HTML, too large) is no article to the extension either.
        if (!(e instanceof CliError)) throw e;
        process.stderr.write(`eval:match: ${e.message}; counted as no article\n`);
        notArticles++;
        continue;
      }
      if (ex.kind !== 'article') {
        notArticles++;
        continue;
      }
      queries.push({ ...ex.article, id: `${basename(resolve(dir))}/${name}` });
    }
  }
  return { queries, notArticles };
}

/**
 * Real pages, extracted as the extension extracts them, matched against the stories of every
 * set's first rotation together, each re-dated into one story's window: no page is about a
 * corpus event, so every match is a false one.
 * Each is listed with its reason, for a person to check that claim, and the closest misses.
 */
function offCorpusPages(pages: { queries: Query[]; notArticles: number }, rotations: Rotation[]): void {
  const out = resolve('eval-output/cases/pages');
  rmSync(out, { recursive: true, force: true });
  const stories = join(out, 'stories');
  mkdirSync(stories, { recursive: true });
  for (const rot of rotations)
    for (const f of readdirSync(rot.storiesDir)) cpSync(join(rot.storiesDir, f), join(stories, `${rot.set}-${f}`));
  // Re-dated into a story's window, as a reader reads today's other news (a fixed seed).
  const all = readStoryDir(stories, () => {});
  const random = rng(seedOf('pages'));
  const lines = pages.queries.map((q) => JSON.stringify(redate(q, all[Math.floor(random() * all.length)]!, random)));
  const notArticles = pages.notArticles;
  const queries = join(out, 'pages.jsonl');
  writeFileSync(queries, lines.join('\n'));
  const answers = execFileSync(process.execPath, ['--import', 'tsx', 'cli/lens.ts', 'match', queries, '--stories', stories], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
    .split('\n')
    .filter(Boolean)
    .map(
      (l) =>
        JSON.parse(l) as {
          id: string;
          storyId: string | null;
          confidence: number;
          reasons: { detail: string }[];
          alternatives: { confidence: number }[];
          suggestion?: { storyId: string };
        },
    );
  const matched = answers.filter((a) => a.storyId);
  const asked = answers.filter((a) => a.suggestion).length;
  const pct = answers.length ? ((100 * matched.length) / answers.length).toFixed(2) : '0.00';
  process.stdout.write(
    `\nreal pages against the ${readdirSync(stories).length} stories of ${rotations.map((r) => `${r.set} ${r.name}`).join(' + ')}: ` +
      `false match ${pct} % (${matched.length}/${answers.length}; ${notArticles} pages are not articles); asked "is it this story?" ${asked}\n`,
  );
  for (const a of matched) process.stdout.write(`   ${a.id} -> ${a.storyId} ${a.confidence}: ${a.reasons[0]?.detail ?? ''}\n`);
  const closest = answers
    .filter((a) => !a.storyId)
    .map((a) => ({ id: a.id, c: Math.max(0, ...a.alternatives.map((x) => x.confidence)) }))
    .sort((x, y) => y.c - x.c)
    .slice(0, 3);
  process.stdout.write(`   closest of the rest: ${closest.map((x) => `${x.id} ${x.c.toFixed(3)}`).join(', ')}\n`);
}
