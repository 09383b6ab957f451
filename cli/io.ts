// File and output helpers shared by the lens verbs. Only JSON goes to stdout; every problem is
// one plain line on stderr.
import { closeSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { DOMParser } from 'linkedom';
import { jsonShapeOver, type JsonShape } from '../lib/store/json-shape.ts';
import { MAX_SHARD_DEPTH, MAX_SHARD_VALUES } from '../lib/store/shard.ts';
import { describeRejection, parseStories, type Story } from '../lib/story/story.ts';
import { charactersOf, escapedCharacter } from '../lib/hidden-characters.ts';

/** An error the CLI reports as one line and a non-zero exit, without a stack trace. */
export class CliError extends Error {}

/**
 * The largest file lens reads: far above any page or article list it is given (the extension
 * reads at most 3 MB of a page's text), far below what would exhaust its memory.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * A file's bytes, or a one-line error. Only a regular file is read, and only up to
 * MAX_INPUT_BYTES: a device or a pipe ("/dev/urandom", a FIFO named page.html) never ends, and
 * a file of gigabytes would be read whole before anything could refuse it.
 */
export function readBytes(file: string, max = MAX_INPUT_BYTES): Buffer {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliError(`${file}: is a directory`);
    if (!stat.isFile()) throw new CliError(`${file}: not a regular file (a device, a pipe or a socket)`);
    if (stat.size > max) throw tooLarge(file, stat.size, max);
    return readCapped(file, max);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code ?? err})`);
  }
}

/** A file's text (`readBytes`, decoded as UTF-8). */
export const readText = (file: string, max = MAX_INPUT_BYTES): string => readBytes(file, max).toString('utf8');

const tooLarge = (file: string, bytes: number, max: number) =>
  new CliError(`${file}: ${Math.ceil(bytes / 2 ** 20)} MB, more than the ${max / 2 ** 20} MB lens reads`);

/**
 * The file's bytes, read to `max` and no further: a file's size can lie (every file of /proc
 * says 0 bytes, and /proc/self/pagemap reads as 256 GB).
 */
function readCapped(file: string, max: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Whole megabytes: some files of /proc refuse a read of an odd size.
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (!n) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > max) throw new CliError(`${file}: more than the ${max / 2 ** 20} MB lens reads, whatever size it claims`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * What a JSON file (a story file, a topics file, one line of a .jsonl) may hold, counted on its
 * bytes before JSON.parse builds it: what a shard may hold. 99 MB of `{}` in a story file took
 * 90 s and 3.4 GB before a story was looked at, 250 MB of it ran Node out of memory, and 20 MB
 * of `[[[[` took 21 s (an adversarial audit, 2026-12-07).
 */
export const JSON_SHAPE: JsonShape = { values: MAX_SHARD_VALUES, depth: MAX_SHARD_DEPTH };

/** `bytes` parsed as JSON once they are within JSON_SHAPE, or a one-line error naming `where`. */
export function parseJson(bytes: Uint8Array, where: string): unknown {
  const over = jsonShapeOver(bytes, JSON_SHAPE);
  if (over === 'values')
    throw new CliError(`${where}: more than ${JSON_SHAPE.values.toLocaleString('en')} JSON values, not read: split it into smaller files`);
  if (over === 'depth') throw new CliError(`${where}: nested more than ${JSON_SHAPE.depth} levels deep, not read`);
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (err) {
    throw new CliError(`${where}: not valid JSON (${(err as Error).message.slice(0, 200)})`);
  }
}

/** A JSON file's value (`readBytes`, then `parseJson`), or a one-line error. */
export const readJson = (file: string): unknown => parseJson(readBytes(file), file);

/**
 * A story file is checked up to this many rejected stories, as a shard is: a file of a million
 * `{}` would otherwise print six million problem lines.
 */
export const MAX_REJECTED_PER_FILE = 50;

/** The line that says a story file was not read to its end. */
const unreadLine = (path: string, unread: number) =>
  `${path}: ${unread} more stor${unread === 1 ? 'y' : 'ies'} not checked after ${MAX_REJECTED_PER_FILE + 1} rejected ones: fix those first`;

/**
 * Whether decoded `text` is binary data rather than a page: a file signature's NUL in its first
 * kilobyte (PNG, GIF, ZIP, JPEG, UTF-16 without its mark), NULs past one in a hundred characters,
 * or more than a tenth U+FFFD (what compressed data decodes to; a page in Latin-1 has a few: none
 * of the 271 corpus pages has any). A real page may hold a few stray NULs, which browsers
 * ignore: lostiempos.com's 194 kB page of trafilatura's benchmark has 22, after a banner's
 * markup, and was refused as binary before.
 */
export function looksBinary(text: string): boolean {
  const nul = text.indexOf('\0');
  if (nul >= 0 && (nul < 1024 || (text.match(/\0/g)?.length ?? 0) > text.length / 100)) return true;
  return (text.match(/\ufffd/g)?.length ?? 0) > text.length / 10;
}

/**
 * The page's own <html> tag, not one in a comment (`<!--[if IE 7]><html class="ie7"><![endif]-->`,
 * laweekly.com): one pass, each comment skipped to its end with indexOf (a lazy regex over a
 * comment left open would read to the end of the file from every `<!--`).
 */
function htmlTag(text: string): RegExpExecArray | null {
  const next = /<!--|<html\b[^>]*>/gi;
  for (let m = next.exec(text); m; m = next.exec(text)) {
    if (m[0] !== '<!--') return m;
    const end = text.indexOf('-->', m.index + 4);
    if (end < 0) return null;
    next.lastIndex = end + 3;
  }
  return null;
}

/**
 * Parses an HTML file into a Document with linkedom, the DOM the CLI gives lib/. An empty file,
 * binary data or a file with no markup at all is not a page: a one-line error, as a browser
 * would not show any of them as one.
 */
export function readDocument(file: string): Document {
  const text = readText(file);
  if (!text.trim()) throw new CliError(`${file}: the file is empty, not an HTML page`);
  if (looksBinary(text)) throw new CliError(`${file}: binary data, not an HTML page`);
  if (!/<[a-z!]/i.test(text)) throw new CliError(`${file}: plain text with no markup, not an HTML page`);
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const doc = parse(text);
  if (doc.documentElement?.nodeName === 'HTML') return doc;
  // linkedom adds no <html> to a page without one, nor a <body> to a fragment (a <div> of
  // paragraphs, as Readability's own expected outputs are): it made the <div> the document's
  // root, and Readability read `.tagName` of a missing body and crashed. A browser adds both.
  // Nor does it move what comes before a page's <html> tag (a <style>, <meta>, <script>: one page in
  // eight of trafilatura's benchmark) into it: the <style> became the root, the page had no body,
  // and Readability found no article that a browser reads. The page's own <html> tag, its
  // attributes kept (`lang`), is put first, as a browser's tree has it.
  const open = htmlTag(text);
  if (open) {
    const before = text.slice(0, open.index).replace(/<!doctype[^>]*>/gi, '');
    const rest = text.slice(open.index + open[0].length);
    // Into the page's <head> (linkedom drops a <head> tag that is not the root's first child).
    const head = /<head\b[^>]*>/i.exec(rest);
    const page = head ? rest.slice(0, head.index + head[0].length) + before + rest.slice(head.index + head[0].length) : before + rest;
    return parse(`<!DOCTYPE html>${open[0]}${page}`);
  }
  return parse(/<(head|body)[\s>]/i.test(text) ? `<html>${text}</html>` : `<html><body>${text}</body></html>`);
}

/** A story file of a folder, read and passed through the story door. */
export interface StoryFile {
  path: string;
  /** Its stories as written (a file may hold one story or a list), unknown fields kept. */
  items: unknown[];
  /** The door's answer for `items`: the valid stories, the rejected ones, how many went unread. */
  parsed: ReturnType<typeof parseStories>;
}

/**
 * Hands `visit` every `*.json` story file of `dir`, in name order, through the same door as the
 * extension's stores (at most MAX_REJECTED_PER_FILE rejected stories a file), and none through a
 * link out of the folder. Each problem (a file that is no JSON, a rejected story, stories left
 * unchecked) is told to `problem` as a line naming its file, before the file is visited; a file
 * that cannot be read is not visited.
 */
export function forEachStoryFile(dir: string, problem: (line: string) => void, visit: (file: StoryFile) => void): void {
  let files: string[];
  let home: string;
  try {
    if (!statSync(dir).isDirectory()) throw new CliError(`${dir}: not a directory`);
    home = realpathSync(dir);
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`${dir}: no such directory`);
  }
  for (const f of files) {
    const path = join(dir, f);
    let raw: unknown;
    try {
      // As check-store reads a store: a link is followed only when it stays inside the folder. A
      // story folder's `a.json` linked to a key or a .env elsewhere had its first words printed
      // ("Unexpected token 'A', \"AWS_SECRET\"...") and, were it a story, published.
      if (!insideFolder(home, path)) throw new CliError(`${path}: a link to a file outside ${dir}; not read`);
      raw = readJson(path);
    } catch (err) {
      // A file that cannot be read says why in its own words (it names the file).
      if (!(err instanceof CliError)) throw err;
      problem(err.message);
      continue;
    }
    const items = Array.isArray(raw) ? raw : [raw];
    const parsed = parseStories(items, { maxRejected: MAX_REJECTED_PER_FILE });
    for (const r of parsed.rejected) for (const line of describeRejection(r)) problem(`${path}: ${line}`);
    if (parsed.unread) problem(unreadLine(path, parsed.unread));
    visit({ path, items, parsed });
  }
}

/** Whether `path`, its links followed, is a file inside the folder whose real path is `home`. */
function insideFolder(home: string, path: string): boolean {
  try {
    return realpathSync(path).startsWith(home + sep);
  } catch {
    return true; // Not there (a link to nothing): readJson says so.
  }
}

/** Every valid story of the `*.json` files of `dir` (`forEachStoryFile`); each problem is reported on `warn` and skipped. */
export function readStoryDir(dir: string, warn: (line: string) => void = (l) => process.stderr.write(l + '\n')): Story[] {
  const stories: Story[] = [];
  const seen = new Set<string>();
  forEachStoryFile(dir, warn, ({ path, parsed }) => {
    for (const s of parsed.stories) {
      if (seen.has(s.id)) warn(`${path}: story "${s.id}": id repeats a story of an earlier file; skipped`);
      else stories.push(s);
      seen.add(s.id);
    }
  });
  return stories;
}

/** What is at `path` itself (a link counts as there, even to nothing), or null. */
export function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Where a lens run writes: `out` gets JSON only, `warn` one line per problem. The `lens` bin
 * passes the process's streams; tests pass their own and run lens in-process.
 */
export interface Io {
  out(text: string): void;
  warn(line: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  warn: (line) => void process.stderr.write(line + '\n'),
};

/**
 * What a terminal would obey, reorder or hide in text lens prints: C0 and C1 controls and DEL (a
 * tab aside); the characters that reorder what follows them (bidi embeddings, overrides and
 * isolates, and the marks LRM, RLM and ALM: invisible, yet in a terminal that lays out bidi text
 * an RLM at the end of a title makes the `","confidence":0.12` after it read right to left, by
 * the bidi algorithm's rule for neutrals and numbers after a right-to-left letter); and those that
 * hide text or show none (zero-width space, word joiner, invisible operators, BOM, soft hyphen,
 * and what the story door calls invisible: tag characters, an invisible copy of any ASCII, Hangul
 * fillers …), line and paragraph separators, and combining marks past the 8th on one letter
 * ("Zalgo" stacked over the lines around it). File names, a store's ids and names and a page's
 * text reach lens's output, and ESC [2J would clear the reader's screen, a carriage return
 * overwrite the line before it, a line feed in a file's name print a line of its own ("lens
 * match: all stories valid"). ZWJ and ZWNJ stay: they join or part letters of Indic and Persian
 * words and an emoji, and move nothing. The kinds are lib/hidden-characters.ts's.
 */
const UNSAFE = charactersOf([
  'control',
  'lineFeed',
  'separator',
  'directionControl',
  'directionMark',
  'zeroWidth',
  'invisibleOperator',
  'softHyphen',
  'invisible',
  'stackedMark',
]);

/**
 * `text` with each such character written as its JSON escape (\u001b, an astral one as its two
 * halves): in JSON output they occur only inside strings, where the escape reads back as the same
 * character. `lines`: the line feeds of JSON output (between values, and indenting one) are
 * lens's own, and stay.
 */
export const terminalSafe = (text: string, lines = false): string =>
  text.replace(UNSAFE, (c) => (lines && c === '\n' ? c : escapedCharacter(c)));

export function printJson(io: Io, value: unknown, pretty = false): void {
  io.out(JSON.stringify(value, null, pretty ? 2 : undefined) + '\n');
}
