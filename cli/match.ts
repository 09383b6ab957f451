// lens match INPUT [--stories DIR] [--url URL]
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildIndex, matchArticle, type MatchQuery, type MatchReason } from '../lib/match/index.ts';
import { ownCanonical } from '../lib/url.ts';
import { extractFile } from './extract.ts';
import { CliError, parseJson, printJson, readBytes, readStoryDir, type Io } from './io.ts';

const BUNDLED = fileURLToPath(new URL('../data/stories', import.meta.url));

interface Query extends MatchQuery {
  id: string;
}

/** The optional fields of a .jsonl article, each a string (or null) when given. */
const OPTIONAL = ['url', 'canonicalUrl', 'siteName', 'publishedTime'] as const;

/** One line of a .jsonl file as an article, or a one-line error naming the line. */
function queryOf(line: Buffer, where: string, n: number): Query {
  const q = parseJson(line, where) as Record<string, unknown> | null;
  if (!q || typeof q !== 'object' || typeof q.title !== 'string' || typeof q.text !== 'string')
    throw new CliError(`${where}: an article needs "title" and "text" strings`);
  const query: Query = { id: String(n), title: q.title, text: q.text };
  if (typeof q.id === 'string' || typeof q.id === 'number') query.id = String(q.id);
  else if (q.id != null) throw new CliError(`${where}: "id" must be a string or a number`);
  for (const field of OPTIONAL) {
    if (typeof q[field] === 'string') query[field] = q[field];
    else if (q[field] != null) throw new CliError(`${where}: "${field}" must be a string`);
  }
  return { ...query, canonicalUrl: ownCanonical(query) };
}

function readQueries(input: string, url?: string): Query[] {
  if (input.endsWith('.jsonl')) {
    const bytes = readBytes(input);
    const queries: Query[] = [];
    // Line by line on the bytes: each is counted (parseJson) before it is parsed.
    for (let at = 0, n = 1; at < bytes.length; n++) {
      const feed = bytes.indexOf(0x0a, at);
      const end = feed < 0 ? bytes.length : feed;
      const line = bytes.subarray(at, end);
      at = end + 1;
      if (line.toString('utf8').trim()) queries.push(queryOf(line, `${input}:${n}`, n));
    }
    return queries;
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
