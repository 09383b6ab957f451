// The `lens` command run in-process, as its bin runs it (cli/lens.ts only hands main the
// process's arguments and streams): a call takes milliseconds instead of a Node and tsx start-up.
import { main } from '../../cli/main.ts';

export interface LensRun {
  code: number;
  /** Everything written to stdout. */
  out: string;
  /** Everything written to stderr. */
  err: string;
  /** stderr's non-empty lines. */
  lines: string[];
  /** The last line of stdout as JSON, or null when stdout is empty. */
  json: any;
}

/** Runs `lens ...args` and collects what it writes and its exit code. */
export async function lens(...args: string[]): Promise<LensRun> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => void (out += text), warn: (line) => void (err += line + '\n') });
  return { code, out, err, lines: err.split('\n').filter(Boolean), json: out.trim() ? JSON.parse(out.trim().split('\n').at(-1)!) : null };
}
