// lens: the extension's lib/ in Node, so every stage can be run and measured outside a browser.
import { parseArgs } from 'node:util';
import { CliError } from './io.ts';
import { extractCommand } from './extract.ts';
import { matchCommand } from './match.ts';
import { buildStoreCommand, checkStoreCommand, storeKeygenCommand } from './store.ts';

const USAGE = `usage:
  lens extract PAGE.html... [--url URL]       extract each page; one JSON object per page
  lens match INPUT [--stories DIR] [--url URL]  match an .html page or a .jsonl of articles
  lens build-store STORIES_DIR --out DIR [--sign KEYFILE] [--topics FILE] [--prune]
                                               build the remote store: manifest.json + shards/
  lens check-store DIR_OR_URL [--key PUBLIC_KEY]  check a store before (or after) publishing it
  lens store-keygen --out KEYFILE              make an Ed25519 key pair for signing the store`;

const COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
  extract: extractCommand,
  match: matchCommand,
  'build-store': buildStoreCommand,
  'check-store': checkStoreCommand,
  'store-keygen': storeKeygenCommand,
};

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  // Own entries only: `lens constructor` is an unknown command, not Object's constructor.
  const command = verb && Object.hasOwn(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  if (!command) {
    process.stderr.write(`${verb ? `lens: unknown command "${verb}"\n` : ''}${USAGE}\n`);
    return 2;
  }
  try {
    await command(rest);
    return 0;
  } catch (err) {
    if (err instanceof CliError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`lens ${verb}: ${(err as Error).message}\n`);
      return 1;
    }
    // A failure no check foresaw is still one line (the stack only with LENS_DEBUG=1): the
    // README promises one line on stderr and a non-zero exit for every problem.
    if (process.env.LENS_DEBUG) console.error(err);
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    process.stderr.write(`lens ${verb}: unexpected error (${message.split('\n')[0]!.slice(0, 300)}); LENS_DEBUG=1 shows where\n`);
    return 70;
  }
}

process.exitCode = await main(process.argv.slice(2));
