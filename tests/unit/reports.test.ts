import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadReport, saveReport, setUpReports } from '../../entrypoints/background/reports.ts';
import type { TabReport } from '../../lib/messages.ts';

const report: TabReport = { state: 'no-match', page: { url: 'https://example.com/a', title: 'A' } };

describe('tab reports', () => {
  it('keeps the latest report per tab in session storage', async () => {
    await saveReport(7, report);
    expect(await loadReport(7)).toEqual(report);
    expect(await loadReport(8)).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('drops a tab report when the tab loads a new page or closes', async () => {
    setUpReports();
    await saveReport(7, report);
    await saveReport(9, report);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, {} as never);
    await fakeBrowser.tabs.onRemoved.trigger(9, {} as never);
    await expect.poll(() => loadReport(7)).toBeNull();
    await expect.poll(() => loadReport(9)).toBeNull();
  });

  it('keeps the report through updates that are not a navigation', async () => {
    setUpReports();
    await saveReport(7, report);
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, {} as never);
    expect(await loadReport(7)).toEqual(report);
  });
});
