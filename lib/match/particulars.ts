/**
 * A story's particulars: the uncommon words (and names) that several of its texts use. Outlets
 * telling one event repeat its particulars (the sprained knee, the week's opponent) in their
 * headlines and ledes; a sibling event of the same kind shares the article's vocabulary of its
 * kind ("Saints", "injured reserve"), but not these. The features are the share of the
 * particulars, weighted by rarity, that the article uses: the other way round from BM25, which
 * asks how much of the article's vocabulary the story has.
 */
import type { Story } from '../story/story.ts';
import { isCommonWord } from './rarity.ts';
import { tellingTexts } from './story-doc.ts';
import { names, tokenize } from './tokenize.ts';

/**
 * How many of the story's texts must use a word. Measured with `npm run fit:match` (nested,
 * correct at stores of 10 / 30 / all): two texts 76.3 / 81.5 / 81.2 %, three 80.3 / 82.9 /
 * 82.6 %, four 79.5 / 81.5 / 81.0 %. Weighing a word by how many texts use it (the count, its
 * log), or the share shrunk toward none for a story with few particulars, did worse than the
 * plain share.
 */
const PARTICULAR_TEXTS = 3;
/**
 * Past this many texts, or this many characters in all (a corpus story has under 8,000; a story
 * may have 300 paragraphs of 20,000), only exact repeats are dropped: the containment check
 * scans every longer text for every text, which a hostile store could make cost seconds.
 */
const CONTAINMENT_TEXTS = 200;
const CONTAINMENT_CHARS = 60_000;

const read = new WeakMap<Story, { particulars: string[]; named: ReadonlySet<string> }>();

/**
 * The story's texts, each once: a text that another one contains word for word (a dek that
 * opens the first paragraph, one wire headline run by two outlets) is a repeat, not a second
 * telling.
 */
function distinctTexts(story: Story): string[] {
  const distinct = [...new Set(tellingTexts(story).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (distinct.length > CONTAINMENT_TEXTS || distinct.reduce((n, t) => n + t.length, 0) > CONTAINMENT_CHARS) return distinct;
  const texts: string[] = [];
  for (const text of distinct) if (!texts.some((longer) => longer.includes(text))) texts.push(text);
  return texts;
}

/** Packs a word's count of texts with the last text that counted it (1-based): one Map lookup per word. */
const STRIDE = 2 ** 20;

/** The particulars of `story`, read once per story object. */
export function storyParticulars(story: Story): readonly string[] {
  return readStory(story).particulars;
}

/** The words `story`'s prose (not its headlines) reads as names, read with its particulars. */
export function storyNamed(story: Story): ReadonlySet<string> {
  return readStory(story).named;
}

function readStory(story: Story): { particulars: string[]; named: ReadonlySet<string> } {
  const known = read.get(story);
  if (known) return known;
  const headlines = new Set([story.title, ...story.sources.map((s) => s.title)]);
  const uses = new Map<string, number>();
  const named = new Set<string>();
  // One array for every text's words: only the particulars outlive the reading.
  const words: string[] = [];
  const push = (t: string) => void words.push(t);
  const texts = distinctTexts(story);
  for (let i = 1; i <= texts.length; i++) {
    const text = texts[i - 1]!;
    words.length = 0;
    // A headline in title case would make every word a name.
    if (headlines.has(text)) for (const t of tokenize(text)) words.push(t);
    else for (const n of names(text, push)) for (const t of n.tokens) named.add(t);
    for (const t of words) {
      const v = uses.get(t) ?? 0;
      if (v % STRIDE !== i) uses.set(t, (Math.floor(v / STRIDE) + 1) * STRIDE + i);
    }
  }
  // A name is not a common word, whatever word it is ("Bush", "Rich").
  const particulars: string[] = [];
  for (const [t, v] of uses) if (v / STRIDE >= PARTICULAR_TEXTS && (named.has(t) || !isCommonWord(t))) particulars.push(t);
  const result = { particulars, named };
  read.set(story, result);
  return result;
}

/**
 * The shares of `particulars` the article's words (`inText`) and its headline and lede's
 * (`inLede`) include, each particular weighted by its squared idf (`idfOf`: rare in the language
 * and the store); 0 for a story without any. One pass: this runs for every story a match weighs.
 */
export function particularsShares(
  particulars: readonly string[],
  idfOf: (t: string) => number,
  inText: (t: string) => boolean,
  inLede: (t: string) => boolean,
): [text: number, lede: number] {
  let all = 0;
  let text = 0;
  let lede = 0;
  for (const t of particulars) {
    const w = idfOf(t) ** 2;
    all += w;
    if (inText(t)) text += w;
    if (inLede(t)) lede += w;
  }
  return all ? [text / all, lede / all] : [0, 0];
}
