// lens: the extension's lib/ in Node, so every stage can be run and measured outside a browser.
// `main` is the whole command; cli/lens.ts only hands it the process's arguments and streams, so
// tests run it in-process.
import { CliError, processIo, terminalSafe, type Io } from './io.ts';
import { extractCommand } from './extract.ts';
import { matchCommand } from './match.ts';
import { buildStoreCommand } from './build-store.ts';
import { checkStoreCommand } from './check-store.ts';
import { storeKeygenCommand } from './store-keygen.ts';

const USAGE = `usage:
  lens extract PAGE.html... [--url URL]       extract each page; one JSON object per page
  lens match INPUT [--stories DIR] [--url URL]  match an .html page or a .jsonl of articles
  lens build-store STORIES_DIR --out DIR [--sign KEYFILE] [--topics FILE] [--prune]
                                               build the remote store: manifest.json + shards/
  lens check-store DIR_OR_URL [--key PUBLIC_KEY] [--timeout SECONDS]
                                               check a store before (or after) publishing it
  lens store-keygen --out KEYFILE              make an Ed25519 key pair for signing the store`;

const COMMANDS: Record<string, (args: string[], io: Io) => Promise<void> | void> = {
  extract: extractCommand,
  match: matchCommand,
  'build-store': buildStoreCommand,
  'check-store': checkStoreCommand,
  'store-keygen': storeKeygenCommand,
};

/** Runs `lens ARGV...`, writing to `to`; resolves to the exit code (0, 1 a problem, 2 usage, 70 a bug). */
export async function main(argv: string[], to: Io = processIo): Promise<number> {
  // Everything lens prints passes here: nothing a file, a store or a page holds reaches the terminal as a command.
  const io: Io = { out: (text) => to.out(terminalSafe(text, true)), warn: (line) => to.warn(terminalSafe(line)) };
  const [verb, ...rest] = argv;
  // Own entries only: `lens constructor` is an unknown command, not Object's constructor.
  const command = verb && Object.hasOwn(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  if (!command) {
    if (verb) io.warn(`lens: unknown command "${verb}"`);
    // One line at a time: a line feed inside a line is escaped (terminalSafe).
    USAGE.split('\n').forEach(io.warn);
    return 2;
  }
  try {
    await command(rest, io);
    return 0;
  } catch (err) {
    if (err instanceof CliError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.warn(`lens ${verb}: ${(err as Error).message}`);
      return 1;
    }
    // A failure no check foresaw is still one line (the stack only with LENS_DEBUG=1): the
    // docs/cli.md promises one line on stderr and a non-zero exit for every problem.
    if (process.env.LENS_DEBUG)
      String((err as Error)?.stack ?? err)
        .split('\n')
        .forEach(io.warn);
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    // Its words on one line (a ZodError's message is a JSON list over many lines, "[" the first).
    io.warn(`lens ${verb}: unexpected error (${message.replace(/\s+/g, ' ').slice(0, 300)}); LENS_DEBUG=1 shows where`);
    return 70;
  }
}
