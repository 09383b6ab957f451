// Hostile or broken files given to the `lens` command (issue 21 finding 8, issue 20 item 6):
// every problem is one line on stderr and a non-zero exit, never a stack trace, and check-store
// reads nothing outside the store folder. lens runs in-process (tests/unit/lens.ts), through the
// same main as its bin.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, MAX_REJECTED_PER_FILE, readText } from '../../../cli/io.ts';
import { lens, type LensRun } from '../lens.ts';
import { story } from '../store/helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lens-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (name: string, body: string | Uint8Array) => {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, body);
  return path;
};
/** One plain line: no stack frame, no source excerpt. */
const oneLine = async (run: Promise<LensRun>, pattern: RegExp) => {
  const r = await run;
  expect(r.code).not.toBe(0);
  expect(r.lines).toHaveLength(1);
  expect(r.lines[0]).toMatch(pattern);
  expect(r.err).not.toMatch(/\n\s+at |node_modules|\^/);
};

describe('lens extract and lens match on files that are not pages', () => {
  const empty = file('empty.html', '');
  const text = file('notes.txt', 'Council meeting notes\n\nThe seawall vote is on Tuesday.\n');
  const binary = file(
    'photo.html',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0, 1]),
  );

  it.each([
    ['an empty file', empty, /empty\.html: the file is empty, not an HTML page$/],
    ['a .txt file', text, /notes\.txt: plain text with no markup, not an HTML page$/],
    ['a binary file', binary, /photo\.html: binary data, not an HTML page$/],
  ])('lens extract on %s is one line and exit 1', (_, path, message) => oneLine(lens('extract', path), message));

  it.each([
    ['an empty file', empty, /empty\.html: the file is empty, not an HTML page$/],
    ['a .txt file', text, /notes\.txt: INPUT must be an \.html page or a \.jsonl file of articles$/],
    ['a binary file', binary, /photo\.html: binary data, not an HTML page$/],
  ])('lens match on %s is one line and exit 1', (_, path, message) => oneLine(lens('match', path), message));
});

describe('lens extract and lens match on a fragment of a page', () => {
  // Readability's own expected outputs are such files: a <div> of paragraphs, no <body>, which a
  // browser adds and linkedom did not (Readability then read `.tagName` of a null body).
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i} of the Harlow County seawall vote, told at length for the readers who follow it: who voted, what the seawall will cost, and when the work on the shore is to begin.</p>`,
  );
  const fragment = file('fragment.html', `<div id="page"><h1>Seawall vote</h1>${paragraphs.join('')}</div>`);

  it('reads it as a browser would, with its body', async () => {
    const r = await lens('extract', fragment);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ readerable: true, text: expect.stringContaining('Paragraph 5 of the Harlow County') });
    expect((await lens('match', fragment)).code).toBe(0);
  });
});

describe('lens on files that never end or would fill its memory', () => {
  // A pipe named like a page: reading it waits for a writer forever (so would /dev/urandom).
  const fifo = join(tmp, 'pipe.html');
  execFileSync('mkfifo', [fifo]);
  // Sparse: a file past the limit that takes no disk.
  const huge = file('huge.jsonl', '');
  truncateSync(huge, MAX_INPUT_BYTES + 1);

  it.each([
    ['extract', 'a pipe', fifo, /pipe\.html: not a regular file \(a device, a pipe or a socket\)$/],
    ['match', 'a pipe', fifo, /pipe\.html: not a regular file \(a device, a pipe or a socket\)$/],
    ['extract', 'a device', '/dev/zero', /\/dev\/zero: not a regular file \(a device, a pipe or a socket\)$/],
    ['match', 'a file past the limit', huge, /huge\.jsonl: 257 MB, more than the 256 MB lens reads$/],
  ])('lens %s on %s is one line and exit 1', (verb, _, path, message) => oneLine(lens(verb, path), message));

  it('build-store refuses a story file that is a pipe, and says so', async () => {
    const dir = join(tmp, 'piped');
    file('piped/a.json', JSON.stringify(story('a')));
    execFileSync('mkfifo', [join(dir, 'b.json')]);
    const r = await lens('build-store', dir, '--out', join(tmp, 'piped-out'));
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/b\.json: not a regular file \(a device, a pipe or a socket\)$/);
  });

  it('match --stories skips a story file that is a pipe, and says so', async () => {
    const dir = join(tmp, 'piped-stories');
    file('piped-stories/a.json', JSON.stringify(story('a')));
    execFileSync('mkfifo', [join(dir, 'b.json')]);
    const page = file('page.jsonl', JSON.stringify({ id: 'p', title: 'Council vote', text: 'The council voted on Tuesday.' }) + '\n');
    const r = await lens('match', page, '--stories', dir);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/b\.json: not a regular file \(a device, a pipe or a socket\)\n/);
  });
});

describe('nothing a file, a store or a page holds reaches the terminal as a command', () => {
  // ESC ]0; … BEL retitles the terminal window, ESC [2J clears the screen, U+202E reverses what
  // follows it, U+009B is an 8-bit CSI, a carriage return overwrites the line.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/;

  it('escapes a story file name and a story id in the problem lines of lens match', async () => {
    const dir = join(tmp, 'escapes');
    file('escapes/good.json', JSON.stringify(story('good')));
    file('escapes/bad.json', JSON.stringify({ ...story('bad'), id: 'evil\u001b]0;pwned\u0007\u001b[2J' }));
    file('escapes/n\u001b[31mame\r.json', '{not json');
    const articles = file('escapes-q.jsonl', JSON.stringify({ id: 'q\u009b31m\u202e', title: 'A title', text: 'Some text.' }) + '\n');
    const r = await lens('match', articles, '--stories', dir);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(RAW);
    expect(r.out).not.toMatch(RAW);
    expect(r.lines).toContain(
      `${join(dir, 'bad.json')}: story "evil\\u001b]0;pwned\\u0007\\u001b[2J" (#0): id must be a slug: lower-case letters, digits and dashes`,
    );
    expect(r.lines.some((l) => l.startsWith(`${join(dir, 'n\\u001b[31mame\\u000d.json')}: not valid JSON`))).toBe(true);
    // Printed as JSON escapes, the id reads back as it was.
    expect(r.json.id).toBe('q\u009b31m\u202e');
  });

  it('escapes what a page holds in the JSON lens extract prints', async () => {
    const page = file(
      'escape-page.html',
      `<html><head><title>Quiet\u202e title\u009b2J</title></head><body><article><h1>Quiet\u202e title\u009b2J</h1>` +
        `<p>${'A paragraph of the article with words enough to be read as one. '.repeat(12)}\u001b[2J</p></article></body></html>`,
    );
    const r = await lens('extract', page);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW);
    expect(r.json.title).toBe('Quiet\u202e title\u009b2J');
  });

  it('escapes the bidi marks, hidden characters and stacked marks a page or a story can print', async () => {
    // In a terminal that lays out bidi text, an RLM or ALM at the end of a value reads the JSON
    // after it right to left; tag characters are an invisible copy of any ASCII; 30 combining
    // marks on a letter stack over the lines around it.
    const hostile = `Quiet\u200f title\u061c\u200e\u{e0041}\u{e0042}\u2062\u00ad Z${'\u0301\u0316'.repeat(15)}`;
    const page = file(
      'escape-marks.html',
      `<html><head><title>${hostile}</title></head><body><article><h1>${hostile}</h1>` +
        `<p>${'A paragraph of the article with words enough to be read as one. '.repeat(12)}</p></article></body></html>`,
    );
    const r = await lens('extract', page);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u200e\u200f\u061c\u2062\u00ad\u{e0000}-\u{e007f}]|\p{M}{9}/u);
    // Printed as JSON escapes, the title reads back as it was.
    expect(r.json.title).toBe(hostile);
    // Persian and Hindi words keep their joiners, an emoji its ZWJ, Vietnamese its marks.
    const kept = 'می\u200cخواهم क्\u200dष 👨\u200d👩\u200d👧 Thủ tướng';
    expect(
      (
        await lens(
          'extract',
          file(
            'kept.html',
            `<title>${kept}</title><article><h1>${kept}</h1><p>${'Words of the article, read as one. '.repeat(20)}</p></article>`,
          ),
        )
      ).out,
    ).toContain(kept);
  });
});

describe('lens build-store and check-store given hostile input', () => {
  const src = join(tmp, 'stories');
  file('stories/a.json', JSON.stringify(story('a')));

  it('`lens constructor` is an unknown command, not a silent success', async () => {
    const r = await lens('constructor');
    expect(r.code).toBe(2);
    expect(r.lines[0]).toBe('lens: unknown command "constructor"');
  });

  it('a story nested 100,000 levels deep in an unknown field is one problem line, not a RangeError', async () => {
    const deep = file('deep/a.json', JSON.stringify(story('a')).replace(/}$/, `,"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`));
    const r = await lens('build-store', join(deep, '..'), '--out', join(tmp, 'never'));
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      expect.stringMatching(/a\.json: nested more than 32 levels deep, not read$/),
      expect.stringMatching(/1 problem\(s\) in .*; nothing was written$/),
    ]);
  });

  it.each([
    ['--topics that is not JSON', ['--topics', file('topics-bad.json', '{ai: AI')], /topics-bad\.json: not valid JSON/],
    [
      '--topics with a name that is not a string',
      ['--topics', file('topics-num.json', '{"ai": 42}')],
      /topics-num\.json: topic "ai": the name must be a string$/,
    ],
    [
      '--topics that is a list',
      ['--topics', file('topics-list.json', '["ai"]')],
      /topics-list\.json: must be a JSON object of topic names/,
    ],
    ['a --sign key that is not PEM', ['--sign', file('key.pem', 'not a key')], /key\.pem: not a PEM private key/],
    [
      'an expiry at the time of publishing',
      ['--expires-in', '0.000000001'],
      /--expires-in must be a number of days between 0\.042 \(an hour\) and 366$/,
    ],
  ])('%s is one line and exit 1', (_, extra, message) =>
    oneLine(lens('build-store', src, '--out', join(tmp, 'out-bad'), ...extra), message),
  );

  // An audit (2026-12-07): a day of stories over a shard's 32 MB was "unexpected error (ZodError:
  // [ { … } ])", exit 70. Readers refuse such a store (and one over 512 MB in all): say so.
  it('says in one line that readers would refuse a day of stories over 32 MB, and writes nothing', async () => {
    const big = Array.from({ length: 1200 }, (_, i) => ({ ...story(`big-${i}`), body: ['x'.repeat(20_000), 'y'.repeat(8_000)] }));
    const dir = join(tmp, 'big-day');
    file('big-day/all.json', JSON.stringify(big));
    await oneLine(
      lens('build-store', dir, '--out', join(tmp, 'big-out')),
      /^lens build-store: readers would refuse this store, nothing written: .*shards\[0\]\.bytes must be at most 33554432 bytes/,
    );
    expect(existsSync(join(tmp, 'big-out'))).toBe(false);
    // 33 MB through a fresh `lens` process: 2–3 s alone, past vitest's 5 s on a loaded machine.
    // What it checks is the one line, not the time.
  }, 30_000);

  it('says a previous manifest at the highest version leaves no room, in one line', async () => {
    const out = join(tmp, 'top-version');
    expect((await lens('build-store', src, '--out', out)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ ...manifest, version: Number.MAX_SAFE_INTEGER }));
    await oneLine(lens('build-store', src, '--out', out), /is the highest a version can be, so no later manifest can follow it/);
  });

  it('builds a topic called "constructor", named as any other topic', async () => {
    file('ctor/a.json', JSON.stringify({ ...story('a'), topic: 'constructor' }));
    const out = join(tmp, 'ctor-store');
    const r = await lens(
      'build-store',
      join(tmp, 'ctor'),
      '--out',
      out,
      '--topics',
      file('topics-ctor.json', '{"ai": "Artificial intelligence"}'),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).topics).toEqual([{ id: 'constructor', name: 'Constructor' }]);
  });

  it('check-store does not follow a link out of the store, nor print what it points at', async () => {
    const out = join(tmp, 'linked');
    expect((await lens('build-store', src, '--out', out)).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const secret = file('secret.json', 'root:x:0:0:secret-token');
    rmSync(join(out, manifest.shards[0].path));
    symlinkSync(secret, join(out, manifest.shards[0].path));
    const r = await lens('check-store', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${manifest.shards[0].path} is a link to a file outside the store`);
    expect(r.err).not.toContain('root:x');
  });
});

// Found by an adversarial probe of the publishing verbs (2026-12-07).
// An audit (2026-12-07): build-store signed bytes other than the manifest it left. On an unchanged
// store it signed the manifest as it would write it, not the file as it is (an earlier build's
// formatting, line endings a checkout changed): "signed": true, and every reader with the key
// refused the store. Without --sign it left the last signature beside a new manifest.
describe('lens build-store signs the manifest readers get, or none', () => {
  const src = join(tmp, 'sign-src');
  file('sign-src/a.json', JSON.stringify(story('a')));
  const keyOf = async (name: string) => {
    const keyFile = join(tmp, `${name}.pem`);
    return { keyFile, publicKey: (await lens('store-keygen', '--out', keyFile)).json.publicKey as string };
  };

  it('signs the manifest file as it is when the store is unchanged', async () => {
    const { keyFile, publicKey } = await keyOf('unchanged-key');
    const out = join(tmp, 'sign-unchanged');
    expect((await lens('build-store', src, '--out', out, '--sign', keyFile)).code).toBe(0);
    // The same manifest as another build wrote it: indented, with CRLF line endings.
    const path = join(out, 'manifest.json');
    writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8')), null, 2).replace(/\n/g, '\r\n'));
    const again = await lens('build-store', src, '--out', out, '--sign', keyFile);
    expect(again.json).toMatchObject({ unchanged: true, signed: true });
    expect(await lens('check-store', out, '--key', publicKey)).toMatchObject({ code: 0 });
  });

  it('refuses to leave a signature beside a manifest it did not sign', async () => {
    const { keyFile } = await keyOf('stale-key');
    const out = join(tmp, 'sign-stale');
    expect((await lens('build-store', src, '--out', out, '--sign', keyFile)).code).toBe(0);
    file('sign-src/b.json', JSON.stringify(story('b', '2026-06-22')));
    const before = readFileSync(join(out, 'manifest.json'), 'utf8');
    await oneLine(lens('build-store', src, '--out', out), /manifest\.json\.sig: .*--sign/);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before);
    rmSync(join(tmp, 'sign-src', 'b.json'));
  });
});

describe('lens writes only inside the store it builds, and only what it made', () => {
  const src = join(tmp, 'pub-stories');
  file('pub-stories/a.json', JSON.stringify(story('a')));

  it('refuses a shards folder that is a link, and prunes nothing through it', async () => {
    const victim = join(tmp, 'victim');
    file('victim/notes.txt', 'precious');
    mkdirSync(join(tmp, 'linked-out'), { recursive: true });
    symlinkSync(victim, join(tmp, 'linked-out', 'shards'));
    await oneLine(lens('build-store', src, '--out', join(tmp, 'linked-out'), '--prune'), /shards: not a folder \(a link, or a file\)/);
    expect(readFileSync(join(victim, 'notes.txt'), 'utf8')).toBe('precious');
    expect(readdirSync(victim)).toEqual(['notes.txt']);
  });

  it('prunes only the shards it wrote, and leaves a note, a folder and anything else in place', async () => {
    const out = join(tmp, 'prune-out');
    const first = await lens('build-store', src, '--out', out);
    const old = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).shards[0].path as string;
    file('prune-out/shards/README.txt', 'what this folder is');
    mkdirSync(join(out, 'shards', 'archive'));
    file('pub-stories-2/b.json', JSON.stringify({ ...story('b'), publishedAt: '2026-06-22T10:00:00Z' }));
    const r = await lens('build-store', join(tmp, 'pub-stories-2'), '--out', out, '--prune');
    expect(first.code).toBe(0);
    expect(r.code).toBe(0);
    expect(r.json.pruned).toEqual([old]);
    expect(readdirSync(join(out, 'shards')).sort()).toEqual(expect.arrayContaining(['README.txt', 'archive']));
    expect(r.lines.filter((l) => l.includes('left in place'))).toHaveLength(2);
  });

  it('does not write through a link planted at the temporary file', async () => {
    const out = join(tmp, 'tmp-link-out');
    const elsewhere = file('elsewhere/profile.sh', 'echo hello');
    mkdirSync(out, { recursive: true });
    symlinkSync(elsewhere, join(out, 'manifest.json.tmp'));
    expect((await lens('build-store', src, '--out', out)).code).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe('echo hello');
    expect(lstatSync(join(out, 'manifest.json')).isFile()).toBe(true);
  });

  // An audit (2026-12-07): the previous manifest was read through a link, and JSON's complaint
  // printed the first words of what it pointed at ("AWS_SECRET"…), as a story file's link did.
  it('does not read a previous manifest through a link, nor print what it points at', async () => {
    const out = join(tmp, 'manifest-link-out');
    const secret = file('home/.aws/credentials', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG');
    mkdirSync(out, { recursive: true });
    symlinkSync(secret, join(out, 'manifest.json'));
    await oneLine(lens('build-store', src, '--out', out), /manifest\.json: a link, not a manifest build-store wrote/);
    const r = await lens('build-store', src, '--out', out);
    expect(r.err).not.toContain('AWS');
    expect(lstatSync(join(out, 'manifest.json')).isSymbolicLink()).toBe(true);
  });

  it('rewrites a damaged shard of the right size', async () => {
    const out = join(tmp, 'damaged-out');
    expect((await lens('build-store', src, '--out', out)).code).toBe(0);
    const path = join(out, JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).shards[0].path);
    const size = readFileSync(path).byteLength;
    writeFileSync(path, ' '.repeat(size));
    const r = await lens('build-store', src, '--out', out);
    expect(r.json.written).toHaveLength(1);
    expect((await lens('check-store', out)).code).toBe(0);
  });

  it('store-keygen does not write the private key through a link, even one to nothing', async () => {
    const key = join(tmp, 'repo', 'store-key.pem');
    mkdirSync(join(tmp, 'repo'), { recursive: true });
    symlinkSync(join(tmp, 'public-store', 'store-key.pem'), key);
    await oneLine(lens('store-keygen', '--out', key), /store-key\.pem exists; not overwriting a key$/);
    expect(existsSync(join(tmp, 'public-store'))).toBe(false);
  });
});

describe('lens reads no more than it says, and reports a broken folder in few lines', () => {
  it('stops reading a file whose size lies at the limit (a file of /proc says 0 bytes)', () => {
    const pagemap = join(tmp, 'pagemap.html');
    symlinkSync('/proc/self/pagemap', pagemap);
    expect(() => readText(pagemap, 4 * 2 ** 20)).toThrow(/more than the 4 MB lens reads, whatever size it claims$/);
  });

  it('reports a story file of 100,000 `{}` in a bounded number of lines', async () => {
    file('flood/a.json', `[${Array(100_000).fill('{}').join(',')}]`);
    const page = file('flood-q.jsonl', JSON.stringify({ id: 'p', title: 'Council vote', text: 'The council voted on Tuesday.' }) + '\n');
    const built = await lens('build-store', join(tmp, 'flood'), '--out', join(tmp, 'flood-out'));
    const matched = await lens('match', page, '--stories', join(tmp, 'flood'));
    for (const r of [built, matched]) {
      expect(r.lines.length).toBeLessThan(MAX_REJECTED_PER_FILE * 6 + 10);
      expect(r.err).toContain('99949 more stories not checked after 51 rejected ones');
    }
  });

  it('escapes a line feed in a file name: a name cannot print a line of its own', async () => {
    file('feed/x.json: ok\nlens match: all stories valid\ny.json', '{not json');
    const page = file('feed-q.jsonl', JSON.stringify({ id: 'p', title: 'Council vote', text: 'The council voted on Tuesday.' }) + '\n');
    const r = await lens('match', page, '--stories', join(tmp, 'feed'));
    expect(r.lines).not.toContain('lens match: all stories valid');
    expect(r.lines.some((l) => l.includes('ok\\u000alens match: all stories valid'))).toBe(true);
  });
});

// An adversarial audit (2026-12-07): JSON.parse built whatever a file held before anything
// looked at it. 99 MB of `{}` in a story file took 90 s and 3.4 GB; 20 MB of `[[[[` 21 s.
describe('lens counts what a JSON file holds before it parses it', () => {
  const src = join(tmp, 'counted-stories');
  file('counted-stories/a.json', JSON.stringify(story('a')));
  const article = JSON.stringify({ id: 'p', title: 'Council vote', text: 'The council voted on Tuesday.' });
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

  it('refuses a story file of more than 2,000,000 values in one line, for build-store and match', async () => {
    const dir = join(tmp, 'many-values');
    file('many-values/a.json', `[${'{},'.repeat(2_000_000)}{}]`);
    const page = file('many-values-q.jsonl', article + '\n');
    const built = await lens('build-store', dir, '--out', join(tmp, 'many-values-out'));
    const matched = await lens('match', page, '--stories', dir);
    for (const r of [built, matched]) {
      expect(r.code).toBe(1);
      expect(r.lines[0]).toMatch(/a\.json: more than 2,000,000 JSON values, not read: split it into smaller files$/);
      expect(r.lines).toHaveLength(2);
    }
  });

  it.each([
    [
      'a --topics file',
      () => lens('build-store', src, '--out', join(tmp, 'never'), '--topics', file('deep-topics.json', `{"ai": ${deep(1e6)}}`)),
    ],
    ['a line of a .jsonl', () => lens('match', file('deep.jsonl', `${article}\n{"title": "a", "text": "b", "x": ${deep(1e6)}}\n`))],
  ])('refuses %s nested a million levels deep in one line', (_, run) =>
    oneLine(run(), /(deep-topics\.json|deep\.jsonl:2): nested more than 32 levels deep, not read$/),
  );

  it('refuses a previous manifest nested a million levels deep, saying why', async () => {
    const out = join(tmp, 'deep-manifest');
    file('deep-manifest/manifest.json', `{"version": 1, "x": ${deep(1e6)}}`);
    await oneLine(
      lens('build-store', src, '--out', out),
      /manifest\.json exists but is not a valid manifest \(manifest\.json holds more than 400000 values or nests deeper than 32 levels/,
    );
  });

  it('says which field of a .jsonl article is not a string, in one line and exit 1', async () => {
    const run = await lens('match', file('typed.jsonl', `${article}\n{"title": "a", "text": "b", "url": {"href": "x"}}\n`));
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([expect.stringMatching(/typed\.jsonl:2: "url" must be a string$/)]);
  });
});

// An adversarial audit (2026-12-07): check-store read only inside the store, but build-store and
// match followed a story folder's links anywhere, printing the first words of what they found.
describe('lens reads a story folder only inside it', () => {
  const dir = join(tmp, 'linked-stories');
  file('linked-stories/a.json', JSON.stringify(story('a')));
  symlinkSync(file('home/.env', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI'), join(dir, 'b.json'));
  symlinkSync(file('elsewhere-stories/c.json', JSON.stringify(story('c'))), join(dir, 'c.json'));
  const article = file('linked-q.jsonl', JSON.stringify({ id: 'p', title: 'Council vote', text: 'The council voted on Tuesday.' }) + '\n');

  it('build-store refuses a link out of the folder, and prints nothing of what it points at', async () => {
    const r = await lens('build-store', dir, '--out', join(tmp, 'linked-stories-out'));
    expect(r.code).toBe(1);
    expect(r.lines.slice(0, 2)).toEqual([
      expect.stringMatching(/linked-stories\/b\.json: a link to a file outside .*linked-stories; not read$/),
      expect.stringMatching(/linked-stories\/c\.json: a link to a file outside .*linked-stories; not read$/),
    ]);
    expect(r.err).not.toContain('AWS');
    expect(existsSync(join(tmp, 'linked-stories-out'))).toBe(false);
  });

  it('match skips it and matches with the stories inside', async () => {
    const r = await lens('match', article, '--stories', dir);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.err).not.toContain('AWS');
  });

  it('still follows a link that stays inside the folder', async () => {
    const inside = join(tmp, 'inside-link');
    file('inside-link/archive/b.json', JSON.stringify(story('b')));
    file('inside-link/a.json', JSON.stringify(story('a')));
    symlinkSync(join(inside, 'archive', 'b.json'), join(inside, 'b.json'));
    const r = await lens('build-store', inside, '--out', join(tmp, 'inside-link-out'));
    expect(r.code).toBe(0);
    expect(r.json.stories).toBe(2);
  });
});

/** Eight paragraphs of an article, enough for Readability to read one. */
const seawallArticle = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i} of the Harlow County seawall vote: who voted, what the seawall will cost, and when the work on the shore is to begin.</p>`,
).join('');

describe('lens extract on a page with stray NULs', () => {
  // A real page (trafilatura's benchmark: lostiempos.com) holds 22 NULs after a banner's markup,
  // which browsers ignore; it was refused as binary data.
  const page = file(
    'stray-nul.html',
    `<html><head><title>Seawall vote</title></head><body><div class="banner">${'x'.repeat(1100)}</div><img src="b.gif" alt="">\0\0\0\0<article><h1>Seawall vote</h1>${seawallArticle}</article></body></html>`,
  );

  it('reads it as a browser would', async () => {
    const r = await lens('extract', page);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ readerable: true, text: expect.stringContaining('Paragraph 7 of the Harlow County') });
  });
});

describe('lens extract on a page with markup before its <html> tag', () => {
  // laweekly.com (trafilatura's benchmark) opens with a <style>, then IE's conditional <html>
  // tags in comments, then its own: linkedom made the <style> the root, with no body, and lens
  // found no article in a page a browser reads.
  const page = file(
    'style-first.html',
    `<style>.grid { opacity: 1 }</style>\n<!DOCTYPE html>\n<!--[if IE 7]><html lang="fr" class="ie7"><![endif]-->\n<!--[if !IE]><!--><html lang="en-US" class="no-js"><!--<![endif]-->\n<head><title>Seawall vote</title><meta property="og:type" content="article"></head><body><header>Menu</header><article><h1>Seawall vote</h1>${seawallArticle}</article></body></html>`,
  );

  it("reads it as a browser would: the page's own <html> tag, its head and its body", async () => {
    const r = await lens('extract', page);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      readerable: true,
      lang: 'en',
      title: 'Seawall vote',
      text: expect.stringContaining('Paragraph 7 of the Harlow County'),
    });
  });

  it('reads a page of comments left open in one pass', async () => {
    // Every `<!--` read to the file's end by a lazy pattern would be quadratic: 4 MB of them.
    const open = file('open-comments.html', `<style>p{}</style>${'<!--<p>'.repeat(600_000)}<html><body><p>x</p></body></html>`);
    const started = performance.now();
    const r = await lens('extract', open);
    expect(r.code).toBe(0);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
