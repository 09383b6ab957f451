// Readability is most of the injected extractor's weight, and a third of that is the names of
// its private methods (`this._getNextNode`, `_cleanConditionally`, …), which no minifier may
// shorten on its own. They are private to Readability.js — set and read only inside that one
// file — so esbuild renames them there, consistently, before the bundle is minified.
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

const READABILITY = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

export function mangleReadability(): Plugin {
  return {
    name: 'lens:mangle-readability',
    async transform(code, id) {
      if (!READABILITY.test(id)) return null;
      const out = await transform(code, { mangleProps: /^_/, sourcemap: true, sourcefile: id });
      return { code: out.code, map: out.map };
    },
  };
}
