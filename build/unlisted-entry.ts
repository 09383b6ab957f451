// WXT starts each unlisted script (extract.js, auto-read.js) inside a guard that logs a crash
// through its logger and throws it again. In a production build that logger prints nothing, but
// its four methods, the guard and its messages still ship: 300 bytes of each injected script,
// whose size check:bundle caps. There the guard does what the bare calls do (each error is
// thrown as before, a rejected promise rejects with the same reason), so the production build
// makes the calls bare; other modes (e2e, dev) keep WXT's guard and its log. WXT is pinned:
// should an upgrade change its entry, the build stops here.
import type { Plugin } from 'vite';

const ENTRY = '\0virtual:wxt-unlisted-script-entrypoint?';

/** WXT 0.21's unlisted-script entry, from its logger to its export (dist/virtual/unlisted-script-entrypoint.mjs). */
const GUARDED = `//#region src/utils/internal/logger.ts
function print(method, ...args) {
	if (import.meta.env.MODE === "production") return;
	if (typeof args[0] === "string") method(\`[wxt] \${args.shift()}\`, ...args);
	else method("[wxt]", ...args);
}
/** Wrapper around \`console\` with a "[wxt]" prefix */
const logger = {
	debug: (...args) => print(console.debug, ...args),
	log: (...args) => print(console.log, ...args),
	warn: (...args) => print(console.warn, ...args),
	error: (...args) => print(console.error, ...args)
};
//#endregion
//#region src/virtual/unlisted-script-entrypoint.ts
const result = (() => {
	try {
		initPlugins();
	} catch (err) {
		logger.error(\`Failed to initialize plugins for "\${import.meta.env.ENTRYPOINT}"\`, err);
		throw err;
	}
	let result;
	try {
		result = definition.main();
		if (result instanceof Promise) result = result.catch((err) => {
			logger.error(\`The unlisted script "\${import.meta.env.ENTRYPOINT}" crashed on startup!\`, err);
			throw err;
		});
	} catch (err) {
		logger.error(\`The unlisted script "\${import.meta.env.ENTRYPOINT}" crashed on startup!\`, err);
		throw err;
	}
	return result;
})();
//#endregion
`;

const BARE = `//#region lens: WXT's unlisted-script entry without its guard (build/unlisted-entry.ts)
initPlugins();
const result = definition.main();
//#endregion
`;

/** WXT's unlisted-script entry `code` with its start-up guard made bare calls; throws if WXT changed it. */
export function bareUnlistedEntry(code: string): string {
  if (!code.includes(GUARDED)) throw new Error("lens:unlisted-entry: WXT's unlisted-script entry changed; cannot take off its guard");
  return code.replace(GUARDED, () => BARE);
}

/** The vite plugin: production builds only, where WXT's logger prints nothing. */
export function unlistedEntry(): Plugin {
  let production = false;
  return {
    name: 'lens:unlisted-entry',
    configResolved(config) {
      production = config.mode === 'production';
    },
    transform(code, id) {
      return production && id.startsWith(ENTRY) ? { code: bareUnlistedEntry(code), map: null } : null;
    },
  };
}
