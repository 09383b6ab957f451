/**
 * Generates realistic stores and articles for benchmarks: stories in FORMAT.md with ~8 sources
 * and ~600 words of body, and ~1,000-word articles about a story's event (or about none), both
 * stating figures as news does.
 * Deterministic for a seed, so runs compare. Vocabulary follows a Zipf law like news text:
 * common words everywhere, topic words within a topic, rare names and terms per event.
 */
import type { Story } from '../lib/story/story.ts';

/** Mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (
  'the of and to in a is that for on with as was by at from it be have are said has will his not but this ' +
  'an they which their its were been who more after would about one two year new over people also first there than ' +
  'last other could into some officials government week told when time state percent million report public city ' +
  'plan years three group country company since while before under during against between most president national ' +
  'police new local court law market health minister economic security deal support including statement officials ' +
  'according early month day meeting workers companies data program system political business officials spokesman'
).split(' ');

const OUTLET_WORDS = ['Times', 'Post', 'Herald', 'News', 'Journal', 'Tribune', 'Daily', 'Wire', 'Review', 'Observer'];
const SYLLABLES = [
  'ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu',
  'pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo an en in on ar er or ur',
  'al el il ol st nd rk nt',
]
  .join(' ')
  .split(' ');

function word(r: () => number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  return w;
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** A Zipf-distributed picker over `words` (rank 1 most frequent). */
function zipf(words: string[], r: () => number, s = 1.05): () => string {
  const cdf: number[] = [];
  let total = 0;
  for (let i = 0; i < words.length; i++) cdf.push((total += 1 / Math.pow(i + 1, s)));
  return () => {
    const x = r() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
}

interface Lexicon {
  general: () => string;
  topics: { name: string; words: () => string }[];
  outlets: { outlet: string; domain: string }[];
}

function lexicon(seed: number): Lexicon {
  const r = rng(seed);
  const longTail = Array.from({ length: 40_000 }, () => word(r, 2 + Math.floor(r() * 3)));
  const general = zipf([...COMMON, ...longTail], r);
  const topics = Array.from({ length: 60 }, (_, i) => {
    const words = Array.from({ length: 400 }, () => word(r, 2 + Math.floor(r() * 2)));
    return { name: `topic-${i}`, words: zipf(words, r, 0.9) };
  });
  const outlets = Array.from({ length: 400 }, () => {
    const name = `${cap(word(r, 2))} ${OUTLET_WORDS[Math.floor(r() * 10)]}`;
    return { outlet: name, domain: `${name.toLowerCase().replace(/\s+/g, '')}.com` };
  });
  return { general, topics, outlets };
}

interface Event {
  topic: number;
  names: string[];
  terms: string[];
  day: Date;
  /** What the event's coverage states in figures ("4.6 magnitude", "$120 million budget"). */
  figures: string[];
}

const UNITS = ['people', 'miles', 'percent', 'years', 'homes', 'votes', 'magnitude', 'jobs', 'million', 'points'];

/** A figure: a count, a decimal, money or a clock time, with the word it counts. */
function figure(f: () => number): string {
  const x = f();
  const unit = UNITS[Math.floor(f() * UNITS.length)]!;
  if (x < 0.4) return `${2 + Math.floor(f() * 400)} ${unit}`;
  if (x < 0.6) return `${(1 + f() * 9).toFixed(1)} ${unit}`;
  if (x < 0.8) return `$${1 + Math.floor(f() * 900)} million`;
  return `${1 + Math.floor(f() * 12)}:${String(Math.floor(f() * 60)).padStart(2, '0')} a.m.`;
}

// Figures come from their own generator (`f`), so the words of every story and article are
// the same as they were before figures were added.
function event(lex: Lexicon, r: () => number, f: () => number): Event {
  return {
    topic: Math.floor(r() * lex.topics.length),
    names: Array.from({ length: 3 + Math.floor(r() * 4) }, () => `${cap(word(r, 2))} ${cap(word(r, 3))}`),
    terms: Array.from({ length: 8 + Math.floor(r() * 6) }, () => word(r, 3 + Math.floor(r() * 2))),
    day: new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 6 * 365) * 86_400_000),
    figures: Array.from({ length: 4 + Math.floor(f() * 5) }, () => figure(f)),
  };
}

/**
 * Text about `ev`: mostly general words, some topic words, a few of the event's names and terms,
 * and now and then a figure (about one in 60 words: mostly the event's, some incidental).
 */
function prose(lex: Lexicon, ev: Event, words: number, r: () => number, focus = 0.08, f?: () => number): string {
  const out: string[] = [];
  const topic = lex.topics[ev.topic]!.words;
  for (let i = 0; i < words; i++) {
    if (f && f() < 1 / 60) out.push(f() < 0.7 ? ev.figures[Math.floor(f() * ev.figures.length)]! : figure(f));
    const x = r();
    if (x < focus / 2) out.push(ev.names[Math.floor(r() * ev.names.length)]!);
    else if (x < focus) out.push(ev.terms[Math.floor(r() * ev.terms.length)]!);
    else if (x < focus + 0.15) out.push(topic());
    else out.push(lex.general());
    if (r() < 0.06) out[out.length - 1] += '.';
  }
  return cap(out.join(' ')) + '.';
}

const sentence = (lex: Lexicon, ev: Event, n: number, r: () => number) => prose(lex, ev, n, r, 0.35).replace(/\.$/, '');

function storyOf(lex: Lexicon, ev: Event, id: number, r: () => number, f: () => number): Story {
  const nSources = 5 + Math.floor(r() * 7);
  const viewpoints = [
    { id: 'officials', name: 'Government Officials', share: 0.4, summary: sentence(lex, ev, 18, r) },
    { id: 'industry', name: 'Industry Groups', share: 0.35, summary: sentence(lex, ev, 18, r) },
    { id: 'residents', name: 'Local Residents', share: 0.25, summary: sentence(lex, ev, 18, r) },
  ];
  const iso = ev.day.toISOString();
  return {
    id: `gen-${id}`,
    url: `https://factlen.com/stories/gen-${id}`,
    title: sentence(lex, ev, 10 + Math.floor(r() * 5), r).slice(0, 300),
    dek: sentence(lex, ev, 25, r),
    topic: lex.topics[ev.topic]!.name,
    category: 'Generated',
    publishedAt: iso,
    readMinutes: 3,
    viewpoints,
    missingPerspectives: ['Patient Advocacy Groups', 'Rural Residents'].slice(0, 1 + Math.floor(r() * 2)),
    keyPoints: Array.from({ length: 4 }, () => sentence(lex, ev, 20, r)),
    keyTerms: ev.terms.slice(0, 3).map((term) => ({ term, definition: sentence(lex, ev, 15, r) })),
    body: Array.from({ length: 6 }, () => prose(lex, ev, 100, r, undefined, f)),
    sources: Array.from({ length: nSources }, (_, i) => {
      const o = lex.outlets[Math.floor(r() * lex.outlets.length)]!;
      return {
        n: i + 1,
        outlet: o.outlet,
        outletDomain: o.domain,
        viewpointId: viewpoints[i % 3]!.id,
        title: sentence(lex, ev, 9 + Math.floor(r() * 5), r),
        url: `https://www.${o.domain}/${ev.day.toISOString().slice(0, 10).replace(/-/g, '/')}/${id}-${i}`,
        publishedAt: iso,
      };
    }),
  };
}

export interface GeneratedArticle {
  id: string;
  title: string;
  text: string;
  url: string;
  publishedTime: string;
  /** The story the article is about, or null for an event no story covers. */
  storyId: string | null;
}

/** A store of `n` stories and `articles` articles: about 4 in 5 on a story, the rest on no story. */
export function generate(n: number, articles = 200, seed = 42): { stories: Story[]; articles: GeneratedArticle[] } {
  const lex = lexicon(seed);
  const r = rng(seed + 1);
  const f = rng(seed + 2);
  const events = Array.from({ length: n }, () => event(lex, r, f));
  const stories = events.map((ev, i) => storyOf(lex, ev, i, r, f));
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < articles; i++) {
    const onStory = r() < 0.8;
    const idx = Math.floor(r() * n);
    const ev = onStory ? events[idx]! : event(lex, r, f);
    const paragraphs = Array.from({ length: 10 }, () => prose(lex, ev, 100, r, 0.05, f));
    out.push({
      id: `a-${i}`,
      title: sentence(lex, ev, 11, r),
      text: paragraphs.join('\n\n'),
      url: `https://www.example-outlet-${i % 17}.com/news/${i}`,
      publishedTime: new Date(ev.day.getTime() + Math.floor(r() * 3) * 86_400_000).toISOString(),
      storyId: onStory ? stories[idx]!.id : null,
    });
  }
  return { stories, articles: out };
}
