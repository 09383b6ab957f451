// npm run bench:hostile — what the worst shard a hostile store can send within the caps costs
// the door (lib/store/shard.ts decodeShard: the byte scan, JSON.parse, the story validator and
// the problem lines): CPU time and the memory it takes on top of the shard's own bytes. Each
// case runs in a fresh Node process (V8, as in the extension's service worker), three times; the
// worst run is printed. The numbers are stated in docs/security.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { utf8 } from '../lib/store/bytes.ts';
import { MAX_SHARD_BYTES } from '../lib/store/manifest.ts';
import { decodeShard, MAX_SHARD_VALUES } from '../lib/store/shard.ts';
import { STORY_BUDGET, type Story } from '../lib/story/story.ts';

const seed: Story = JSON.parse(
  readFileSync(fileURLToPath(new URL('../data/stories/microsoft-mayo-clinic-frontier-ai-model.json', import.meta.url)), 'utf8'),
);
const valid = (i: number, patch: Partial<Story> = {}) => ({ ...seed, id: `story-${i}`, ...patch });
/** `{"id":"bad-i","keyPoints":[…]}` of `n` values, every one of them a problem for the validator. */
const manyFaults = (i: number, n: number, item: unknown) => ({ id: `bad-${i}`, sources: Array(n).fill(item) });

/** Each case: a shard a hostile store can send, every cap respected (bytes ≤ 32 MB, values ≤ 2M). */
const CASES: Record<string, () => string> = {
  // The probe's attack, as large as the value cap lets it be: read 51, refuse.
  'empty objects up to the value cap (1M `{}`)': () =>
    `[${Array(MAX_SHARD_VALUES / 2 - 1)
      .fill('{}')
      .join(',')}]`,
  // The most validator work: 50 rejected stories (the most a kept shard may have), each at the
  // story budget with a fault in every value, beside 50 valid stories so the shard is kept.
  // (`{}` is two values to the byte scan: 50 × 18k of them and 50 real stories fill its cap.)
  '50 rejected stories of 18k faulty objects + 50 valid': () =>
    JSON.stringify([...Array.from({ length: 50 }, (_, i) => manyFaults(i, 18_000, {})), ...Array.from({ length: 50 }, (_, i) => valid(i))]),
  '50 rejected stories of 20k wrong-type values + 50 valid': () =>
    JSON.stringify([
      ...Array.from({ length: 50 }, (_, i) => manyFaults(i, STORY_BUDGET.values - 10, 1)),
      ...Array.from({ length: 50 }, (_, i) => valid(i)),
    ]),
  // The most text: 32 MB of valid stories, each at the 500k-character budget.
  '32 MB of valid stories at the text budget': () => {
    const para = 'The council voted on Tuesday to fund the seawall, and residents spoke for hours. '.repeat(240).slice(0, 19_000);
    const body = Array(25).fill(para);
    const n = Math.floor(MAX_SHARD_BYTES / JSON.stringify(valid(0, { body })).length);
    return JSON.stringify(Array.from({ length: n }, (_, i) => valid(i, { body })));
  },
  // The most stories: real-sized stories up to the value (or byte) cap.
  'valid real-sized stories up to the caps': () => {
    const one = JSON.stringify(valid(0));
    const n = Math.min(Math.floor(MAX_SHARD_VALUES / one.match(/[[{,:]/g)!.length), Math.floor(MAX_SHARD_BYTES / (one.length + 20))) - 1;
    return JSON.stringify(Array.from({ length: n }, (_, i) => valid(i)));
  },
};

function runCase(name: string): void {
  const text = CASES[name]!();
  const bytes = utf8(text);
  if (bytes.byteLength > MAX_SHARD_BYTES) throw new Error(`${name}: ${bytes.byteLength} bytes, over the cap`);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.resourceUsage().maxRSS;
  const heapBefore = process.memoryUsage().heapUsed;
  const cpu = process.cpuUsage();
  let outcome: string;
  try {
    const { stories, rejected } = decodeShard(bytes, 'shards/2026-06-21-0123456789abcdef.json');
    outcome = `kept ${stories.length}, rejected ${rejected.length}, ${rejected.flatMap((r) => r.lines).length} lines`;
  } catch (err) {
    outcome = `refused (${(err as { code?: string }).code})`;
  }
  const used = process.cpuUsage(cpu);
  const extraMB = (process.resourceUsage().maxRSS - before) / 1024;
  process.stdout.write(
    JSON.stringify({
      name,
      bytes: bytes.byteLength,
      cpuMs: (used.user + used.system) / 1000,
      peakExtraMB: extraMB,
      heapAfterMB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
      outcome,
    }) + '\n',
  );
}

const at = process.argv.indexOf('--case');
if (at > 0) runCase(process.argv[at + 1]!);
else {
  const RUNS = 3;
  console.log(`hostile shards through decodeShard (Node ${process.version}, fresh process per run, worst of ${RUNS})`);
  let worstCpu = 0;
  let worstMem = 0;
  for (const name of Object.keys(CASES)) {
    const runs = Array.from({ length: RUNS }, () => {
      const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--case', name], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (r.status !== 0) throw new Error(`${name}: ${r.stderr}`);
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { bytes: number; cpuMs: number; peakExtraMB: number; outcome: string };
    });
    const cpuMs = Math.max(...runs.map((r) => r.cpuMs));
    const mem = Math.max(...runs.map((r) => r.peakExtraMB));
    worstCpu = Math.max(worstCpu, cpuMs);
    worstMem = Math.max(worstMem, mem);
    console.log(
      [
        `  ${name.padEnd(58)} ${(runs[0]!.bytes / 2 ** 20).toFixed(1).padStart(5)} MB`,
        `cpu ${String(Math.round(cpuMs)).padStart(5)} ms`,
        `peak +${String(Math.round(mem)).padStart(4)} MB`,
        runs[0]!.outcome,
      ].join('  '),
    );
  }
  console.log(
    `worst shard within the caps: at most ${Math.round(worstCpu)} ms of CPU and ${Math.round(worstMem)} MB of memory above its own bytes`,
  );
}
