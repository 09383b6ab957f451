// Readability is most of the injected extractor's weight, and a third of that is the names of
// its private methods (`this._getNextNode`, `_cleanConditionally`, …) and of the constants on its
// prototype (`this.REGEXPS`, `this.FLAG_CLEAN_CONDITIONALLY`, …), which no minifier may shorten
// on its own. They are private to Readability.js — set and read only inside that one file — so
// esbuild renames them there, consistently, before the bundle is minified. `TEXT_NODE` and
// `ELEMENT_NODE` keep their names: a DOM node has them too (`node.TEXT_NODE`).
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

const READABILITY = /[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

export function mangleReadability(): Plugin {
  return {
    name: 'lens:mangle-readability',
    async transform(code, id) {
      if (!READABILITY.test(id)) return null;
      // Debug logging never runs here (no caller passes `debug`), but its ~1 kB of messages
      // would ship: each `this.log(…)` statement becomes `0&&this.log(…)`, and the debug
      // branches `if (false)`, which the minifier then drops.
      const quiet = code.replace(/^(\s*)this\.log\(/gm, (_, indent: string) => `${indent}0&&this.log(`).replace(/\bthis\._debug\b(?!\s*=)/g, 'false');
      const out = await transform(quiet, { mangleProps: /^(?:_|[A-Z][A-Z_]+$)/, reserveProps: /^(?:TEXT|ELEMENT)_NODE$/, sourcemap: true, sourcefile: id });
      return { code: out.code, map: out.map };
    },
  };
}
