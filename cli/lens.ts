// lens: the extension's lib/ in Node, so every stage can be run and measured outside a browser.
import { parseArgs } from 'node:util';
import { CliError } from './io.ts';
import { extractCommand } from './extract.ts';
import { matchCommand } from './match.ts';

const USAGE = `usage:
  lens extract PAGE.html... [--url URL]       extract each page; one JSON object per page
  lens match INPUT [--stories DIR] [--url URL]  match an .html page or a .jsonl of articles`;

const COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
  extract: extractCommand,
  match: matchCommand,
};

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const command = verb ? COMMANDS[verb] : undefined;
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
    throw err;
  }
}

export { parseArgs };
process.exitCode = await main(process.argv.slice(2));
