// npm run -s gen:stories -- N OUT_DIR [--articles K] [--seed S]
// Writes OUT_DIR/stories/*.json (one story a file) and OUT_DIR/articles.jsonl for benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.ts';

const { values, positionals } = parseArgs({ options: { articles: { type: 'string' }, seed: { type: 'string' } }, allowPositionals: true });
const [n, out] = positionals;
if (!n || !out || !(Number(n) > 0)) {
  process.stderr.write('usage: gen:stories -- N OUT_DIR [--articles K] [--seed S]\n');
  process.exit(2);
}
const { stories, articles } = generate(Number(n), Number(values.articles ?? 200), Number(values.seed ?? 42));
mkdirSync(join(out, 'stories'), { recursive: true });
for (const s of stories) writeFileSync(join(out, 'stories', `${s.id}.json`), JSON.stringify(s));
writeFileSync(join(out, 'articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
process.stderr.write(`${stories.length} stories, ${articles.length} articles in ${out}\n`);
