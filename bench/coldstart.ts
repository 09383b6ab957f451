// npm run bench:coldstart — the service worker with a 10k-story store, in Chromium with the
// built extension: the time from a stopped worker to an answered match (cold start, p50/p95),
// the same warm, the worker's JS heap, and how much script it runs while nobody uses it.
// Pages and the store come from a real HTTP server on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildStore } from '../lib/store/build.ts';
import { launch, serve } from '../tests/e2e/harness.ts';
import { storeServer } from '../tests/e2e/store-server.ts';
import { generate } from './generate.ts';

const N = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 25);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const { stories, articles } = generate(N, 40, 42);
const article = articles.find((a) => a.storyId)!;
const store = storeServer();
store.publish(await buildStore(stories, { now: new Date(Date.now() - 60_000) }));
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${article.title}</title>
<meta property="article:published_time" content="${article.publishedTime}"></head><body><main><article><h1>${article.title}</h1>
${article.text
  .split('\n\n')
  .map((p) => `<p>${p}</p>`)
  .join('\n')}</article></main></body></html>`;
const server = await serve(undefined, (req, res) => {
  if (req.url !== '/article.html') return store.handler(req, res);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  return true;
});

const lens = await launch({ args: ['--remote-debugging-port=0'] });
try {
  const options = await lens.openExtensionPage('options.html');
  await options.getByLabel('Story store address').fill(server.url('/store/'));
  let t = performance.now();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  // Counts are written with the reader's number format: match the digits whatever the separators.
  const counts = options.locator('[data-testid=story-counts]');
  const done = new RegExp(`${String(N).replace(/\B(?=(\d{3})+$)/g, '\\D?')} downloaded`);
  await counts
    .filter({ hasText: done })
    .waitFor({ timeout: 300_000 })
    .catch(async (err) => {
      throw new Error(`the sync did not finish: ${await options.locator('main').innerText()}`, { cause: err });
    });
  console.log(`${N} stories synced into the extension in ${ms(performance.now() - t)} (first sync, through the options page)`);

  const { tabId } = await lens.openTab(server.url('/article.html'));
  const cdp = await lens.context.newCDPSession(options);
  const status = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => e.versions.forEach((v) => status.set(v.versionId, v.runningStatus)));
  await cdp.send('ServiceWorker.enable');
  const running = () => [...status.values()].some((s) => s !== 'stopped');
  const stop = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    while (running()) await new Promise((r) => setTimeout(r, 10));
  };
  const match = () =>
    options.evaluate(async (id) => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'matchTab', tabId: id });
      return { ms: performance.now() - t0, state: reply?.value?.state as string, story: reply?.value?.story?.id as string | undefined };
    }, tabId);

  // The first start after the sync builds and saves the match index; every later start loads it.
  t = performance.now();
  const first = await match();
  console.log(
    `first match after the sync: ${ms(performance.now() - t)} (${first.state}${first.story === article.storyId ? ', the right story' : ''})`,
  );
  // The index is written after that match answered. A worker stopped before the write is done
  // builds it again when it next wakes (seconds, not milliseconds): what a browser, which stops
  // a worker after 30 s idle, does not do, and what would make every cold run below a rebuild.
  t = performance.now();
  for (let state = ''; state !== 'saved';) {
    state = await options.evaluate(
      async () => ((await chrome.runtime.sendMessage({ type: 'getStoreStatus' }))?.value?.matchIndex as string) ?? '',
    );
    if (state === 'unsaved') throw new Error('the match index could not be saved');
    if (performance.now() - t > 60_000) throw new Error(`the match index was not saved within a minute (${state})`);
    if (state !== 'saved') await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`match index saved ${ms(performance.now() - t)} after that`);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await stop();
    const c = await match();
    if (c.story !== article.storyId) throw new Error(`cold match gave ${c.state} ${c.story}`);
    cold.push(c.ms);
    warm.push((await match()).ms);
  }
  console.log(
    `cold start → answered match (${RUNS} runs): p50 ${ms(pct(cold, 50))}  p95 ${ms(pct(cold, 95))}  ` +
      `max ${ms(Math.max(...cold))}  (target p95 ≤ 300 ms)`,
  );
  // The tail is the machine's as much as ours: on 2 shared cores a run now and then is slow throughout.
  console.log(
    `  every cold run, sorted: ${[...cold]
      .sort((x, y) => x - y)
      .map((x) => x.toFixed(0))
      .join(' ')}`,
  );
  console.log(`warm match (worker running):            p50 ${ms(pct(warm, 50))}  p95 ${ms(pct(warm, 95))}`);

  // The worker's JS heap, through the browser's own DevTools endpoint.
  const port = readFileSync(join(lens.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const bs = await browser.newBrowserCDPSession();
  const { targetInfos } = await bs.send('Target.getTargets');
  const sw = targetInfos.find((x) => x.type === 'service_worker' && x.url.startsWith(`chrome-extension://${lens.extensionId}/`))!;
  const { sessionId } = await bs.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
  let nextId = 1;
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const id = nextId++;
      const on = (e: { sessionId: string; message: string }) => {
        const m = JSON.parse(e.message);
        if (m.id !== id) return;
        bs.off('Target.receivedMessageFromTarget', on);
        resolve(m.result);
      };
      bs.on('Target.receivedMessageFromTarget', on);
      void bs.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  await call('HeapProfiler.collectGarbage');
  const heap = await call('Runtime.getHeapUsage');
  console.log(
    `service worker JS heap after a match: ${(heap.usedSize! / 1048576).toFixed(1)} MB used of ${(heap.totalSize! / 1048576).toFixed(1)} MB`,
  );

  // Idle: nothing runs but the sync alarm. A worker with DevTools attached is never stopped by
  // the browser, so instead of waiting for that, the worker's own CPU profiler watches it for
  // IDLE_S seconds and every sample that ran script is counted. Timers, intervals or polling
  // would show up here; only the alarms may wake the worker.
  const alarms = await options.evaluate(async () => (await chrome.alarms.getAll()).map((a) => `${a.name} every ${a.periodInMinutes} min`));
  const IDLE_S = 30;
  await call('Profiler.enable');
  await call('Profiler.start');
  await new Promise((r) => setTimeout(r, IDLE_S * 1000));
  const { profile } = (await call('Profiler.stop')) as unknown as {
    profile: { nodes: { id: number; callFrame: { functionName: string } }[]; samples: number[]; timeDeltas: number[] };
  };
  const quiet = new Set(['(root)', '(idle)', '(program)', '(garbage collector)']);
  const name = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let scriptUs = 0;
  profile.samples.forEach((id, i) => {
    if (!quiet.has(name.get(id) ?? '')) scriptUs += profile.timeDeltas[i] ?? 0;
  });
  console.log(
    `idle: ${(scriptUs / 1000).toFixed(1)} ms of script ran in the worker over ${IDLE_S} s after the last match ` +
      `(${profile.samples.length} profiler samples); alarms: ${alarms.join(', ') || 'none'}`,
  );
  await bs.send('Target.detachFromTarget', { sessionId });
  await browser.close();
} finally {
  await lens.close();
  await server.close();
}
