/**
 * Vite plugin: `virtual:bundled-stories` is the JSON of every story file in the bundled store
 * directory. The build fails on a story that does not validate, so a broken bundled store never
 * ships; the background still passes the stories through the same door at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { describeRejection, parseStories } from '../lib/story/story.ts';

const ID = 'virtual:bundled-stories';

// The files as they are, not through cli/io.ts `readStoryDir`: that one skips a bad file with a
// warning, where the build must refuse it (and ships the files' own JSON, parsed again at run time).
function readRawStoryFiles(dir: string): { files: string[]; raw: unknown[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return { files, raw: files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))) };
}

export function bundledStories(dir: string): Plugin {
  const abs = resolve(dir);
  return {
    name: 'factlen-bundled-stories',
    resolveId: (id) => (id === ID ? '\0' + ID : null),
    load(id) {
      if (id !== '\0' + ID) return null;
      const { files, raw } = readRawStoryFiles(abs);
      for (const f of files) this.addWatchFile(join(abs, f));
      const { rejected } = parseStories(raw);
      if (rejected.length) {
        throw new Error(
          `Bundled store ${abs} has invalid stories:\n` +
            rejected.flatMap((r) => describeRejection(r).map((l) => `  ${files[r.index]}: ${l}`)).join('\n'),
        );
      }
      return `export default ${JSON.stringify(raw)};`;
    },
  };
}
