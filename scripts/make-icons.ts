// Renders assets/icon*.svg to public/icon/<size>.png with the system Chromium, so each size
// is drawn from a design meant for it (16 px has its own pixel-grid drawing).
// Run: npx tsx scripts/make-icons.ts (needs /usr/bin/chromium); commit the PNGs.
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZES: [number, string][] = [
  [16, 'assets/icon-16.svg'],
  [32, 'assets/icon.svg'],
  [48, 'assets/icon.svg'],
  [128, 'assets/icon.svg'],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
mkdirSync('public/icon', { recursive: true });
for (const [size, file] of SIZES) {
  const svg = readFileSync(file, 'utf8').replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  console.log(`public/icon/${size}.png`);
}
await browser.close();
