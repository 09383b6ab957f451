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
  /** stdout's last JSON value (one page's extraction is indented JSON; a list, one per line), or null when stdout is empty. */
  json: any;
}

/** Runs `lens ...args` and collects what it writes and its exit code. */
export async function lens(...args: string[]): Promise<LensRun> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => void (out += text), warn: (line) => void (err += line + '\n') });
  return { code, out, err, lines: err.split('\n').filter(Boolean), json: lastJson(out) };
}

function lastJson(out: string): any {
  const text = out.trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.split('\n').at(-1)!);
  }
}
