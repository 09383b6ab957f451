// npx tsx bench/first-run-steps.ts [DIR...] [--limit N]
// Where a reader's first click goes: on each corpus page, in a new tab of Chromium, lib/extract's
// steps bundled for the page (as bench:extract's steps probe) run once each, in extraction's
// order, and are timed apart: loading the script (parse and module evaluation), the gate, the
// text-size limit, the clone, the metadata, Readability (as published: extract.js ships it with
// build/mangle-readability.ts's edits), the text. Then the same steps again on the same page (the
// warm cost), so first-run overhead shows per step. Bare Readability's first run is timed in
// its own new tab for comparison.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launch, serve } from '../tests/e2e/harness.ts';
import { median } from '../eval/measures.ts';

const { values, positionals } = parseArgs({ options: { limit: { type: 'string' } }, allowPositionals: true });
const CORPUS = resolve('../shared/corpus/pages');
const dirs = positionals.length
  ? positionals
  : readdirSync(CORPUS)
      .map((d) => join(CORPUS, d))
      .filter((d) => statSync(d).isDirectory());
const pages = new Map<string, string>();
for (const dir of dirs) {
  const cases = readdirSync(dir)
    .filter((c) => existsSync(join(dir, c, 'page.html')))
    .sort();
  for (const c of values.limit ? cases.slice(0, Number(values.limit)) : cases)
    pages.set(`/corpus/${basename(dir)}/${encodeURIComponent(c)}/page.html`, join(dir, c, 'page.html'));
}

const READABILITY = readFileSync(resolve('node_modules/@mozilla/readability/Readability.js'), 'utf8');
const STEPS = ['load', 'gate', 'limit', 'clone', 'metadata', 'readability', 'text'] as const;
type Step = (typeof STEPS)[number];

async function probe(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `import { Readability } from '@mozilla/readability';
        import { gate } from './lib/extract/gate.ts';
        import { tooMuchText } from './lib/extract/limits.ts';
        import { ldRoots } from './lib/extract/jsonld.ts';
        import { readMetadata } from './lib/extract/metadata.ts';
        import { blockText, countWords } from './lib/extract/text.ts';
        globalThis.__lensSteps = { Readability, gate, tooMuchText, ldRoots, readMetadata, blockText, countWords };`,
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
  });
  return out.outputFiles[0]!.text;
}

// One pass of extraction's steps, each timed; `load` is the script's evaluation when given.
const PASS = (load: string | null) => `(() => {
  const t = {}; let t0 = performance.now();
  ${load ? `(0, eval)(${JSON.stringify(load)}); t.load = performance.now() - t0;` : 't.load = 0;'}
  const L = globalThis.__lensSteps, url = location.href;
  let roots; const ld = () => (roots ??= L.ldRoots(document));
  t0 = performance.now(); const reason = L.gate(document, url, undefined, ld); t.gate = performance.now() - t0;
  if (reason) return null;
  t0 = performance.now(); if (L.tooMuchText(document)) return null; t.limit = performance.now() - t0;
  t0 = performance.now(); const clone = document.cloneNode(true); t.clone = performance.now() - t0;
  t0 = performance.now(); L.readMetadata(document, url, ld()); t.metadata = performance.now() - t0;
  t0 = performance.now(); const parsed = new L.Readability(clone, { serializer: (e) => e, disableJSONLD: true, keepClasses: true }).parse(); t.readability = performance.now() - t0;
  t0 = performance.now(); if (parsed) L.countWords(L.blockText(parsed.content)); t.text = performance.now() - t0;
  return t;
})()`;

const BARE = `(() => { const t0 = performance.now(); const module = { exports: {} }; (0, eval)(${JSON.stringify(`(function (module) {${READABILITY}\n})`)})(module); const t1 = performance.now();
  new module.exports(document.cloneNode(true)).parse(); return { load: t1 - t0, all: performance.now() - t0 }; })()`;

const settled = (page: Page) =>
  page.evaluate(`new Promise((done) => {
    let left = 10;
    const check = (d) => (d.timeRemaining() >= 45 || --left === 0 ? done(null) : requestIdleCallback(check, { timeout: 300 }));
    requestIdleCallback(check, { timeout: 2000 });
  })`);

async function main(): Promise<void> {
  const code = await probe();
  const server = await serve(resolve('tests/fixtures/pages'), (req, res) => {
    const file =
      pages.get(decodeURI(new URL(req.url ?? '/', 'http://x').pathname)) ?? pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
    return true;
  });
  const lens = await launch();
  await lens.context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
  const first: Record<Step, number[]> = { load: [], gate: [], limit: [], clone: [], metadata: [], readability: [], text: [] };
  const warm: Record<Step, number[]> = { load: [], gate: [], limit: [], clone: [], metadata: [], readability: [], text: [] };
  const bare: { load: number[]; all: number[] } = { load: [], all: [] };
  try {
    for (const [i, path] of [...pages.keys()].entries()) {
      if (i % 25 === 0) process.stderr.write(`  ${i}/${pages.size}\n`);
      const open = async () => {
        const page = await lens.context.newPage();
        await page.goto(server.url(path));
        await settled(page);
        return page;
      };
      const page = await open();
      try {
        const t = (await page.evaluate(PASS(code))) as Record<Step, number> | null;
        if (!t) continue;
        const w = (await page.evaluate(PASS(null))) as Record<Step, number>;
        for (const s of STEPS) {
          first[s].push(t[s]);
          warm[s].push(w[s]);
        }
      } finally {
        await page.close();
      }
      const b = await open();
      try {
        const r = (await b.evaluate(BARE)) as { load: number; all: number };
        bare.load.push(r.load);
        bare.all.push(r.all);
      } finally {
        await b.close();
      }
    }
  } finally {
    await lens.close();
    await server.close();
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const out = [`\narticles timed: ${first.gate.length}; ms summed over them (median per page), first run / the same steps again`];
  for (const s of STEPS)
    out.push(
      `  ${s.padEnd(12)} ${sum(first[s]).toFixed(1).padStart(8)} (${median(first[s]).toFixed(2)})  ${sum(warm[s]).toFixed(1).padStart(8)} (${median(warm[s]).toFixed(2)})`,
    );
  const total = first.gate.map((_, i) => STEPS.reduce((a, s) => a + first[s][i]!, 0));
  out.push(`  ${'all'.padEnd(12)} ${sum(total).toFixed(1).padStart(8)} (${median(total).toFixed(2)})`);
  out.push(
    `bare Readability, first run in its own new tab: load ${sum(bare.load).toFixed(1)} (${median(bare.load).toFixed(2)}), all ${sum(bare.all).toFixed(1)} (${median(bare.all).toFixed(2)})`,
  );
  out.push(`median of per-page ratios (first runs): ${median(total.map((t, i) => t / bare.all[i]!)).toFixed(3)}`);
  process.stdout.write(out.join('\n') + '\n');
}

await main();
