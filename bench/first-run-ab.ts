// npx tsx bench/first-run-ab.ts SCRIPT.js... [--dir DIR]... [--step N] [--js-flags FLAGS] [--per-page FILE]
// Paired first runs: on each corpus page (every Nth with --step), each script in its own new
// tab, as bench:extract times a reader's first click (the page settled, its DOM caches dropped),
// next to bare Readability's first run on the same page; the order alternates page by page.
// A SCRIPT is an expression whose value is what extract.js returns (`{ kind, … }`): the built
// .output/chrome-mv3-e2e/extract.js, a variant of it, or a piece of extraction on its own. Pages
// a script reads as not an article are left out. Prints per script the median ms and the median
// of its per-page ratios to bare Readability: the way to tell a change to a first click apart
// from the machine's noise, which one bench:extract run (one sample per page) cannot. With two
// or more scripts it also prints each one's median per-page ratio to the first, with a 90 %
// bootstrap interval over the pages (seeded: the same times give the same interval), and
// `--per-page FILE` keeps every page's times as JSON.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, serve } from '../tests/e2e/harness.ts';
import { median } from '../eval/measures.ts';

const { values, positionals } = parseArgs({
  options: {
    dir: { type: 'string', multiple: true },
    step: { type: 'string', default: '1' },
    'js-flags': { type: 'string' },
    'per-page': { type: 'string' },
  },
  allowPositionals: true,
});
const CORPUS = resolve('../shared/corpus/pages');
const dirs = values.dir?.length
  ? values.dir
  : readdirSync(CORPUS)
      .map((d) => join(CORPUS, d))
      .filter((d) => statSync(d).isDirectory());
const step = Math.max(1, Number(values.step));
const pages = new Map<string, string>();
for (const dir of dirs) {
  const cases = readdirSync(dir)
    .filter((c) => existsSync(join(dir, c, 'page.html')))
    .sort();
  cases.forEach(
    (c, i) => i % step === 0 && pages.set(`/corpus/${basename(dir)}/${encodeURIComponent(c)}/page.html`, join(dir, c, 'page.html')),
  );
}

const READABILITY = readFileSync(resolve('node_modules/@mozilla/readability/Readability.js'), 'utf8');
const scripts: [string, string][] = [
  [
    'bare Readability',
    `(() => { const module = { exports: {} }; ${READABILITY}; return new module.exports(document.cloneNode(true)).parse(); })()`,
  ],
  ...positionals.map((f): [string, string] => [basename(f), readFileSync(f, 'utf8').trim().replace(/;$/, '')]),
];
// As bench:extract: the page idle, then a change to its DOM so Chromium drops what it cached of the tree.
const SETTLED = `new Promise((done) => { let left = 10; const check = (d) => (d.timeRemaining() >= 45 || --left === 0 ? done(null) : requestIdleCallback(check, { timeout: 300 })); requestIdleCallback(check, { timeout: 2000 }); })`;
const timed = (code: string) =>
  `(() => { (document.body ?? document.documentElement).appendChild(document.createElement('i')).remove(); const t0 = performance.now(); const r = ${code}; return r && r.kind === 'not-article' ? -1 : performance.now() - t0; })()`;

const server = await serve(resolve('tests/fixtures/pages'), (req, res) => {
  const path = decodeURI(new URL(req.url ?? '/', 'http://x').pathname);
  const file = pages.get(path) ?? pages.get(encodeURI(path));
  if (!file) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  return true;
});
const lens = await launch(values['js-flags'] ? { args: [`--js-flags=${values['js-flags']}`] } : {});
await lens.context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
const times = scripts.map((): number[] => []);
const kept: string[] = [];
try {
  for (const [n, path] of [...pages.keys()].entries()) {
    if (n % 25 === 0) process.stderr.write(`  ${n}/${pages.size}\n`);
    const row: number[] = [];
    for (const i of n % 2 ? scripts.keys() : [...scripts.keys()].reverse()) {
      const page = await lens.context.newPage();
      try {
        await page.goto(server.url(path));
        await page.evaluate(SETTLED);
        row[i] = (await page.evaluate(timed(scripts[i]![1]))) as number;
      } finally {
        await page.close();
      }
    }
    if (row.every((t) => t >= 0)) {
      kept.push(path);
      row.forEach((t, i) => times[i]!.push(t));
    }
  }
} finally {
  await lens.close();
  await server.close();
}
const out = [`pages ${times[0]!.length} (every ${step}th), ms of the first run in a new tab`];
for (const [i, [name]] of scripts.entries())
  out.push(
    `  ${name.padEnd(32)} median ${median(times[i]!).toFixed(2).padStart(6)}  median ratio to bare ${median(times[i]!.map((t, j) => t / times[0]![j]!)).toFixed(3)}`,
  );
// Each script against the first one given, page by page: a change's own effect, with how far
// the pages' spread lets it move (resampling the pages, a fixed seed).
if (scripts.length > 2) {
  let seed = 1;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const base = times[1]!;
  out.push(`  per page, to ${scripts[1]![0]}:`);
  for (let i = 2; i < scripts.length; i++) {
    const ratios = times[i]!.map((t, j) => t / base[j]!);
    const resampled = Array.from({ length: 1000 }, () => median(ratios.map(() => ratios[Math.floor(random() * ratios.length)]!))).sort(
      (a, b) => a - b,
    );
    out.push(
      `  ${scripts[i]![0].padEnd(32)} median ratio ${median(ratios).toFixed(4)} (90 % interval ${resampled[50]!.toFixed(4)}–${resampled[949]!.toFixed(4)})`,
    );
  }
}
if (values['per-page']) writeFileSync(values['per-page'], JSON.stringify(kept.map((page, j) => [page, times.map((t) => t[j])])));
process.stdout.write(out.join('\n') + '\n');
