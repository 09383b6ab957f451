// @vitest-environment happy-dom
// The popup's store line: how many stories Lens knows and how fresh, and, when syncs have been
// failing and the stories are old, that they are not being updated.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StoreLine } from '../../entrypoints/popup/StoreLine.tsx';
import type { StoreSummary } from '../../lib/messages.ts';
import { syncFailing } from '../../lib/store/age.ts';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
const DAY = 86_400_000;
const shown = (summary: Omit<StoreSummary, 'topicNames'>) => {
  render(<StoreLine summary={{ ...summary, topicNames: {} }} />, root());
  return root().querySelector('.store-line')!;
};

describe('the decision to say syncing fails', () => {
  it.each([
    ['no failure, old stories', false, 3 * DAY, false],
    ['a failure, stories an hour old (a retry pending)', true, DAY / 24, false],
    ['a failure, stories a day old to the minute', true, DAY, false],
    ['a failure, stories three days old', true, 3 * DAY, true],
    ['a failure, stories of unknown age', true, null, true],
  ] as const)('%s: %s', (_, lastError, age, expected) => {
    const now = Date.UTC(2026, 11, 7);
    expect(syncFailing(lastError, age === null ? null : now - age, now)).toBe(expected);
  });
});

describe('the store line', () => {
  it('says how many stories and how fresh while syncs succeed', () => {
    const line = shown({ stories: 5, updatedAt: Date.now() - 3 * DAY, syncFailing: false });
    expect(line.textContent).toBe('Lens knows 5 stories, updated 3 days ago.');
    expect(line.querySelector('button')).toBeNull();
  });

  it('says plainly that Lens could not update, how old the stories are, and links to why', async () => {
    const line = shown({ stories: 5, updatedAt: Date.now() - 3 * DAY, syncFailing: true });
    expect(line.textContent).toBe("Lens couldn't update from the story store: its 5 stories are from 3 days ago. See why in settings");
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    line.querySelector('button')!.click();
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(open).toHaveBeenCalledOnce();
  });

  it('says it with one story, and with stories of unknown age', () => {
    expect(shown({ stories: 1, updatedAt: Date.now() - 3 * DAY, syncFailing: true }).textContent).toContain(
      'its 1 story is from 3 days ago.',
    );
    expect(shown({ stories: 5, updatedAt: null, syncFailing: true }).textContent).toContain('it knows 5 older stories.');
  });
});
