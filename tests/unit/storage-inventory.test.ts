// One storage layer, and an inventory that stays true: every browser.storage key is declared in
// platform/storage.ts, nothing else touches browser.storage, and docs/architecture.md lists
// exactly those keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const source = readFileSync('platform/storage.ts', 'utf8');
const declared = [...source.matchAll(/defineItem<[^>]*>\(\s*[`'](local|session):([^`']+)[`']/g)].map(
  ([, area, key]) => `${area} ${key!.replace('${tabId}', '<tabId>')}`,
);

const doc = readFileSync('docs/architecture.md', 'utf8');
const listed = [...doc.matchAll(/^\| `storage\.(local|session)` \| `([^`]+)` \|/gm)].map(([, area, key]) => `${area} ${key}`);

const code = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));

describe('the storage inventory', () => {
  it('lists every key platform/storage.ts declares, and no other', () => {
    expect(declared.length).toBeGreaterThan(8);
    expect([...listed].sort()).toEqual([...declared].sort());
  });

  it('is the only code that reaches browser.storage', () => {
    const others = ['lib', 'platform', 'entrypoints', 'components'].flatMap(code).filter((f) => f !== join('platform', 'storage.ts'));
    const touching = others.filter((f) =>
      /storage\.(local|session|sync)\b|defineItem\(|from 'wxt\/utils\/storage'/.test(readFileSync(f, 'utf8')),
    );
    expect(touching).toEqual([]);
  });
});
