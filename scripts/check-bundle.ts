// npm run check:bundle — checks the built extension (.output/chrome-mv3 and firefox-mv2) for
// what the privacy promise forbids: any network target but the store, any analytics code, any
// network API but the store sync's fetch, inline scripts, a lax CSP, and a permission list that
// differs from the one the README explains, and injected scripts that are too heavy. Exits
// non-zero with one line per problem.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { storeBuildConfig } from '../build/store-config.ts';

const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv2'];

// Strings that look like URLs but are never requested: XML namespaces and JSON-Schema ids (zod),
// and documentation links inside WXT's error messages.
const IDENTIFIERS = [
  /^http:\/\/www\.w3\.org\/(1999\/xhtml|2000\/svg|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/?)$/,
  /^https?:\/\/json-schema\.org\/draft[-\w/]*\/schema#?$/,
  /^https?:\/\/schema\.org\/?$/,
  /^https:\/\/wxt\.dev\/[\w/.-]+$/,
  /^https:\/\/github\.com\/wxt-dev\/wxt\/issues\/\d+$/,
  /^http:\/\/\[\$\{\w+\}\]$/, // zod's IPv6 check builds `http://[${host}]` to parse, not to fetch
  /^https:\/\/\$\{\w+\}$/, // lib/reading-mode.ts parses a typed site name as `https://${input}`
];

// English words ("sentry", "amplitude") count only as the services' hosts and SDK names: the matcher
// ships a word-frequency list (lib/match/background.json) that has them as words.
const ANALYTICS = new RegExp(
  [
    ...['google-analytics', 'googletagmanager', 'gtag\\(', 'segment\\.(io|com)', 'mixpanel', 'amplitude\\.com', '@amplitude'],
    ...['amplitude\\.getInstance', 'sentry\\.io', '@sentry', 'Sentry\\.init', 'sentry_key', 'posthog', 'plausible\\.io', 'hotjar'],
    ...['fullstory', 'datadog', 'bugsnag', 'newrelic', 'matomo', 'heapanalytics', 'clarity\\.ms', 'logrocket', 'smartlook'],
    'yandex\\.ru/metrika',
  ].join('|'),
  'i',
);
const OTHER_NETWORK_APIS = /\bXMLHttpRequest\b|\bsendBeacon\b|\bnew WebSocket\b|\bEventSource\b|\bRTCPeerConnection\b|\bimportScripts\b/;
const URL_LITERAL = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>\\)]+/g;

// The scripts injected into pages (the reader's click, automatic mode) carry the extractor and
// nothing of the extension's pages: no zod, no Preact, and at most 55 kB (issue 22: time is the
// limit, bench:extract's first run against bare Readability's; size only bounds it), so a page
// pays little to be read. zod keeps its issue codes as strings; Preact its mangled vnode fields.
const INJECTED = ['extract.js', 'auto-read.js'];
const INJECTED_MAX_BYTES = 55_000;
const ZOD_OR_PREACT = /\binvalid_type\b|\bZodError\b|\.__k\b|\bdiffed\b/;

const problems: string[] = [];
const fail = (where: string, what: string) => problems.push(`${where}: ${what}`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** URLs of the bundled stories' links: shown to the reader to click, never fetched. */
function storyLinks(): Set<string> {
  const links = new Set<string>();
  for (const f of readdirSync('data/stories').filter((x) => x.endsWith('.json'))) {
    for (const m of readFileSync(join('data/stories', f), 'utf8').matchAll(URL_LITERAL)) links.add(m[0]);
  }
  return links;
}

/** The permissions the README's permission table names, in backticks in its first column. */
function documentedPermissions(): Set<string> {
  const readme = readFileSync('README.md', 'utf8');
  const after = readme.slice(readme.indexOf('### Permissions')).split('\n');
  const start = after.findIndex((l) => l.startsWith('|'));
  const end = after.findIndex((l, i) => i > start && !l.startsWith('|'));
  const rows = after.slice(start + 2, end);
  return new Set(rows.flatMap((r) => [...r.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!)));
}

const store = storeBuildConfig(process.env);
const storeOrigin = process.env.FACTLEN_STORE_URL ? new URL(process.env.FACTLEN_STORE_URL).origin : null;
const links = storyLinks();

for (const build of BUILDS) {
  if (!existsSync(join(build, 'manifest.json'))) {
    fail(build, 'not built: run `npm run build` first');
    continue;
  }
  for (const file of files(build)) {
    const where = relative('.', file);
    if (!/\.(js|html|css|json)$/.test(file) || file.includes('_locales')) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(URL_LITERAL)) {
      const url = m[0].replace(/[.,;]+$/, '');
      if (IDENTIFIERS.some((re) => re.test(url)) || links.has(url)) continue;
      if (
        file.endsWith('manifest.json') &&
        (url === 'https://factlen.com/' || url === 'http://localhost:*' || url === 'http://127.0.0.1:*')
      )
        continue;
      if (storeOrigin && url.startsWith(storeOrigin)) continue;
      fail(where, `network target ${url}`);
    }
    if (ANALYTICS.test(text)) fail(where, `analytics code (${text.match(ANALYTICS)![0]})`);
    if (OTHER_NETWORK_APIS.test(text)) fail(where, `network API ${text.match(OTHER_NETWORK_APIS)![0]}`);
    // The store sync is the one caller of fetch, and it lives in the background.
    if (/\bfetch\(/.test(text) && !/(^|\/)background\.js$/.test(file)) fail(where, 'calls fetch(): only the background may, for the store');
    if (file.endsWith('.html') && /<script(?![^>]*\bsrc=)[^>]*>/i.test(text)) fail(where, 'inline <script>');
    if (file.endsWith('.html') && /\son\w+=/i.test(text)) fail(where, 'inline event handler');
  }

  for (const name of INJECTED) {
    const file = join(build, name);
    if (!existsSync(file)) {
      fail(file, 'missing: the injected extraction script was not built');
      continue;
    }
    const size = statSync(file).size;
    if (size > INJECTED_MAX_BYTES) fail(file, `${size} bytes, over the ${INJECTED_MAX_BYTES} an injected script may weigh`);
    const carried = readFileSync(file, 'utf8').match(ZOD_OR_PREACT);
    if (carried) fail(file, `carries zod or Preact ("${carried[0]}")`);
  }

  const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
  const csp: string =
    typeof manifest.content_security_policy === 'string'
      ? manifest.content_security_policy
      : (manifest.content_security_policy?.extension_pages ?? '');
  if (!/script-src 'self'(;|$)/.test(csp) || /unsafe-(eval|inline)|wasm-unsafe-eval/.test(csp))
    fail(`${build}/manifest.json`, `CSP is not strict: "${csp}"`);
  if (manifest.content_scripts?.length) fail(`${build}/manifest.json`, 'declares content scripts: pages are read only when asked');
  const hosts: string[] =
    manifest.manifest_version === 3
      ? (manifest.host_permissions ?? [])
      : (manifest.permissions ?? []).filter((p: string) => p.includes('/'));
  for (const h of hosts)
    if (!store.hostPermissions.includes(h))
      fail(`${build}/manifest.json`, `host permission ${h} at install (only the build's store origin may be)`);

  if (build.includes('chrome')) {
    const documented = documentedPermissions();
    const declared = new Set<string>([...manifest.permissions, ...(manifest.optional_host_permissions ?? [])]);
    for (const p of declared)
      if (!documented.has(p)) fail(`${build}/manifest.json`, `permission "${p}" is not explained in the README's permission table`);
    for (const p of documented)
      if (/^[a-zA-Z]+$/.test(p) && !declared.has(p)) fail('README.md', `explains permission "${p}", which the manifest does not request`);
  }
}

if (problems.length) {
  for (const p of problems) process.stderr.write(`check:bundle: ${p}\n`);
  process.exit(1);
}
process.stdout.write(
  `check:bundle: ${BUILDS.join(', ')} contain no network target but the store${storeOrigin ? ` (${storeOrigin})` : ' (none set)'}, ` +
    `no analytics, a strict CSP, the documented permissions, and injected scripts of at most ${INJECTED_MAX_BYTES} bytes ` +
    'without zod or Preact\n',
);
