// Which alerts of the reader's list are read (lib/alerts/state.ts): the pages and the badge count
// and mark them with these, so the popup, the side panel and the background agree.
import { describe, expect, it } from 'vitest';
import { alertKey, markRead, unreadCount, type ListedAlert } from '../../lib/alerts/state.ts';

const listed = (i: number, read = false): ListedAlert => ({
  alert: { kind: 'new-story', storyId: `s${i}`, topic: 'ai', title: `Story ${i}`, outlets: 5, viewpoints: 3 },
  at: 1_000 + i,
  read,
});

describe('alertKey', () => {
  it('names an alert by its story and when it was raised', () => {
    expect(alertKey(listed(1))).toBe('s1-1001');
    expect(alertKey({ ...listed(1), at: 2_000 })).not.toBe(alertKey(listed(1)));
  });
});

describe('unreadCount', () => {
  it('counts the alerts not yet seen', () => {
    expect(unreadCount([])).toBe(0);
    expect(unreadCount([listed(1), listed(2, true), listed(3)])).toBe(2);
  });
});

describe('markRead', () => {
  it('marks every alert read without keys', () => {
    expect(markRead([listed(1), listed(2, true)])?.map((a) => a.read)).toEqual([true, true]);
  });

  it('marks read only the alerts whose keys it is given', () => {
    const list = [listed(1), listed(2), listed(3)];
    expect(markRead(list, ['s1-1001', 's3-1003'])?.map((a) => a.read)).toEqual([true, false, true]);
    expect(list.map((a) => a.read)).toEqual([false, false, false]);
  });

  it('answers null when nothing changes, so nothing is written', () => {
    expect(markRead([])).toBeNull();
    expect(markRead([listed(1, true)])).toBeNull();
    expect(markRead([listed(1)], ['s9-1009'])).toBeNull();
    expect(markRead([listed(1), listed(2, true)], new Set(['s2-1002']))).toBeNull();
  });

  it('keeps an alert already read as it is', () => {
    const read = listed(2, true);
    expect(markRead([listed(1), read])?.[1]).toBe(read);
  });
});
