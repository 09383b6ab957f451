// The first run and the settings page in the real browser: what only a browser's CSS and form
// validation show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y.ts';
import { launch, screenshot, type Lens } from './harness.ts';

let lens: Lens;

beforeAll(async () => {
  lens = await launch();
});
afterAll(async () => {
  await lens?.close();
});

describe('the first run', () => {
  it('opens the first-run page once, on install', () => {
    expect(lens.firstRunPages).toBe(1);
  });

  it('explains the reading modes, what stays on the device and how to add a store, accessibly', async () => {
    const page = await lens.openExtensionPage('welcome.html');
    await page.locator('main.welcome').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('On click (the default)');
    expect(text).toContain('Automatically (opt in)');
    expect(text).toContain('What stays on your device');
    expect(text).toContain('enter a story store address in the settings');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'welcome');
    const options = lens.context.waitForEvent('page', (p) => p.url().endsWith('/options.html'));
    await page.getByRole('button', { name: 'Open the settings' }).click();
    await (await options).close();
    await page.close();
  });
});

describe('the settings page', () => {
  it('hides the automatic-mode choices while "On click" is chosen', async () => {
    const options = await lens.openExtensionPage('options.html');
    const sub = options.locator('.mode-form__sub');
    await options.getByLabel(/^On click/).waitFor();
    expect(await options.getByLabel(/^On click/).isChecked()).toBe(true);
    expect(await sub.isVisible()).toBe(false);
    await options.getByLabel(/^Automatically/).check();
    expect(await sub.isVisible()).toBe(true);
    await options.getByLabel(/^On click/).check();
    expect(await sub.isVisible()).toBe(false);
    await options.close();
  });

  it('never leaves an old error beside the browser’s own "Please enter a URL."', async () => {
    const options = await lens.openExtensionPage('options.html');
    const address = options.getByLabel('Story store address');
    await address.fill('http://cdn.example.org/store/');
    // The form is the page's once it holds what was typed (no later render has replaced it).
    await options.waitForFunction(
      () => (document.getElementById('store-url') as HTMLInputElement | null)?.value === 'http://cdn.example.org/store/',
    );
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options.locator('.store-form [role=alert]', { hasText: "can't be used" }).waitFor();
    await address.fill('not an address');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await address.evaluate((el: HTMLInputElement) => el.validationMessage)).not.toBe('');
    expect(await options.locator('.store-form [role=alert]').count()).toBe(0);
    await options.close();
  });

  it('lists the readable requests of a ledger with a damaged entry, and says it skipped one', async () => {
    // The ledger as a bug or an older build could leave it: one entry whose address does not parse.
    const entry = (path: string) => ({
      at: Date.now(),
      method: 'GET',
      url: `https://cdn.example.org/store/${path}`,
      bytes: 10,
      outcome: '200',
    });
    const ledger = [entry('manifest.json'), { ...entry('x'), url: 'https://[damaged' }, entry('shards/a.json')];
    await lens.worker.evaluate((networkLedger) => chrome.storage.local.set({ networkLedger }), ledger);
    const options = await lens.openExtensionPage('options.html');
    await options.getByTestId('ledger-unreadable').waitFor();
    expect(await options.getByTestId('ledger-unreadable').innerText()).toBe('One entry of this record could not be read and is not shown.');
    expect(await options.locator('[data-testid=ledger] tbody .ledger__url').allInnerTexts()).toEqual([
      'https://cdn.example.org/store/manifest.json',
      'https://cdn.example.org/store/shards/a.json',
    ]);
    expect(await options.getByTestId('ledger-origins').innerText()).toBe('Every request went to one address: https://cdn.example.org');
    await lens.worker.evaluate(() => chrome.storage.local.remove('networkLedger'));
    await options.close();
  });
});
