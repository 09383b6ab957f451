// lens match INPUT [--stories DIR] [--url URL]
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildIndex, matchArticle, type MatchQuery, type MatchReason } from '../lib/match/index.ts';
import { ownCanonical } from '../lib/url.ts';
import { extractFile } from './extract.ts';
import { CliError, printJson, readStoryDir, readText, type Io } from './io.ts';

const BUNDLED = fileURLToPath(new URL('../data/stories', import.meta.url));

interface Query extends MatchQuery {
  id: string;
}

function readQueries(input: string, url?: string): Query[] {
  if (input.endsWith('.jsonl')) {
    return readText(input)
      .split('\n')
      .flatMap((line, i) => {
        if (!line.trim()) return [];
        let q: Partial<Query>;
        try {
          q = JSON.parse(line);
        } catch {
          throw new CliError(`${input}:${i + 1}: not valid JSON`);
        }
        if (typeof q.title !== 'string' || typeof q.text !== 'string')
          throw new CliError(`${input}:${i + 1}: an article needs "title" and "text" strings`);
        return [{ ...q, id: String(q.id ?? i + 1), title: q.title, text: q.text, canonicalUrl: ownCanonical(q) }];
      });
  }
  if (!/\.x?html?$/i.test(input)) throw new CliError(`${input}: INPUT must be an .html page or a .jsonl file of articles`);
  const ex = extractFile(input, url);
  if (ex.kind === 'not-article') throw new CliError(`${input}: not an article (${ex.reason})`);
  // A canonical URL counts only on the page's own site, as in the extension.
  return [{ id: input, ...ex.article, canonicalUrl: ownCanonical(ex.article) }];
}

export function matchCommand(args: string[], io: Io): void {
  const { values, positionals } = parseArgs({
    args,
    options: { stories: { type: 'string' }, url: { type: 'string' } },
    allowPositionals: true,
  });
  const [input] = positionals;
  if (!input) throw new CliError('give an INPUT (.html or .jsonl)');
  const stories = readStoryDir(values.stories ?? BUNDLED, io.warn);
  if (!stories.length) throw new CliError(`${values.stories ?? BUNDLED}: the store has no valid stories`);
  const queries = readQueries(input, values.url);
  const index = buildIndex(stories);
  for (const q of queries) {
    const { match, alternatives, suggestion, sameSubject } = matchArticle(q, index);
    const plain = (reasons: MatchReason[]) => reasons.map(({ kind, detail }) => ({ kind, detail }));
    printJson(io, {
      id: q.id,
      storyId: match?.storyId ?? null,
      confidence: match?.confidence ?? 0,
      reasons: plain(match?.reasons ?? []),
      alternatives,
      // No match, but a story likelier than not: what the popup asks the reader about.
      ...(suggestion && { suggestion: { ...suggestion, reasons: plain(suggestion.reasons) } }),
      // No match, and stories of the article's subject none of which is told apart as its event: what the popup lists.
      ...(sameSubject && { sameSubject }),
    });
  }
}
