// The import-boundary rule of eslint.config.js, shown to fail on each violation it exists for
// (and to pass the imports each layer may make): lib/ is the core that runs in plain Node.
import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary messages ESLint gives `code` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => /^no-restricted-(imports|globals)$/.test(m.ruleId ?? '')).map((m) => m.message);
}

describe('the layer boundaries', () => {
  it.each([
    ['lib/probe.ts', "import { browser } from 'wxt/browser';", /plain Node/],
    ['lib/store/probe.ts', "import { storage } from 'wxt/utils/storage';", /plain Node/],
    ['lib/probe.ts', "import { getStore } from '../entrypoints/background/store.ts';", /Only WXT loads entrypoints/],
    ['lib/match/probe.ts', "import { t } from '../../platform/i18n.ts';", /never imports it/],
    ['lib/probe.ts', "import { StoryCard } from '../components/StoryCard.tsx';", /knows no UI/],
    ['components/Probe.tsx', "import { App } from '../entrypoints/popup/App.tsx';", /Only WXT loads entrypoints/],
    ['platform/probe.ts', "import { reportFor } from '../entrypoints/background/match-tab.ts';", /Only WXT loads entrypoints/],
    ['lib/store/probe.ts', "import { z } from 'zod';", /lib\/zod\.ts/],
    ['entrypoints/options/Probe.tsx', "import { z } from 'zod';", /lib\/zod\.ts/],
    ['platform/probe.ts', "import { StoryCard } from '../components/StoryCard.tsx';", /browser glue under the UI/],
    ['entrypoints/popup/Probe.tsx', "import { takePanelRequest } from '../sidepanel/panel-request.ts';", /its own folder only/],
    ['entrypoints/sidepanel/Probe.tsx', "import probe from '../extract.ts';", /its own folder only/],
    ['entrypoints/probe.ts', "import { App } from './popup/App.tsx';", /its own folder only/],
    ['cli/probe.ts', "import { t } from '../platform/i18n.ts';", /Node program/],
    ['scripts/probe.ts', "import { browser } from 'wxt/browser';", /Node program/],
    ['bench/probe.ts', "import { StoryCard } from '../components/StoryCard.tsx';", /Node program/],
    ['lib/probe.ts', 'const probeUrl = () => location.href;', /plain Node/],
    ['lib/store/probe.ts', 'const probeDb = () => indexedDB.open("x");', /plain Node/],
  ])(
    'refuses %s doing %s',
    async (file, code, message) => {
      const errors = await boundaryErrors(file, `${code}\nexport const probe = 1;\n`);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
    },
    30_000,
  );

  it.each([
    ['lib/probe.ts', "import { normalizeUrl } from './url.ts';"],
    ['components/Probe.tsx', "import { safeHref } from '../lib/story/links.ts';\nimport { t } from '../platform/i18n.ts';"],
    [
      'entrypoints/popup/Probe.tsx',
      "import { StoryCard } from '../../components/StoryCard.tsx';\nimport { sendMessage } from '../../platform/messaging.ts';",
    ],
    ['entrypoints/popup/Probe.tsx', "import { Footer } from './Footer.tsx';"],
    ['entrypoints/background/probe.ts', "import { badgeMatch } from './badge.ts';\nimport { getStore } from './store.ts';"],
    ['cli/probe.ts', "import { normalizeUrl } from '../lib/url.ts';"],
    ['lib/extract/current-page.ts', 'export const probeUrl = () => location.href;'],
  ])(
    'lets %s import %s',
    async (file, code) => {
      expect(await boundaryErrors(file, `${code}\nexport const probe = 1;\n`)).toEqual([]);
    },
    30_000,
  );
});

// Every module of lib/, imported by plain Node (tsx for the types, no WXT, no fake browser): a
// module that reached for `browser` or `chrome` as it loads would fail here.
const IMPORT_ALL = `
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const files = readdirSync('lib', { recursive: true }).filter((f) => /\\.tsx?$/.test(f));
for (const f of files) await import(pathToFileURL('lib/' + f).href);
console.log(files.length);
`;

describe('lib/', () => {
  it('loads in plain Node, every module of it', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', IMPORT_ALL], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(Number(out.trim())).toBeGreaterThan(70);
  }, 60_000);
});
