// Dates as pages print them beside the headline, and the zones they may be read in.
import { describe, expect, it } from 'vitest';
import { americanPage, findDateline, parseDateline } from '../../../lib/extract/dateline.ts';
import { parse } from './dom.ts';

describe('parseDateline', () => {
  it.each([
    ['Updated: Mar 3, 2026 2:57 PM UTC', 'en', '2026-03-03T14:57:00.000Z'],
    ['Published: Mar. 3, 2026, 6:47 p.m. EST', 'en', '2026-03-03T23:47:00.000Z'],
    ['on 1 June 2026 at 08:34 PM EDT', 'en', '2026-06-02T00:34:00.000Z'],
    ['Ann Lee / Updated: Oct 9, 2026, 11:05 ISTShare', 'en', '2026-10-09T05:35:00.000Z'],
    ['2026年3月15日 09:43', 'ja', '2026-03-15T00:43:00.000Z'],
    ['2026年04月21日 12時00分更新', 'ja', '2026-04-21T03:00:00.000Z'],
    ['2026.04.19 20:00', 'ja', '2026-04-19T11:00:00.000Z'],
    // Chinese pages print UTC+8, which every place that writes Chinese keeps all year.
    ['2026-03-01 14:27:02', 'zh', '2026-03-01T06:27:00.000Z'],
    ['2026.03.15 09:43', 'ko', '2026-03-15T00:43:00.000Z'],
    // "ET" and "PT" keep summer time as the US does: from March's second Sunday to November's first.
    ['EXCLUSIVE 11/28/2026 11:00 AM PT', 'en', '2026-11-28T19:00:00.000Z'],
    ['Jul 4, 2026 9:30 AM ET', 'en', '2026-07-04T13:30:00.000Z'],
    ['March 7, 2026 9:30 AM ET', 'en', '2026-03-07T14:30:00.000Z'],
    ['March 8, 2026 9:30 AM ET', 'en', '2026-03-08T13:30:00.000Z'],
    ['October 31, 2026 9:30 PM CT', 'en', '2026-11-01T02:30:00.000Z'],
    ['November 1, 2026 9:30 PM CT', 'en', '2026-11-02T03:30:00.000Z'],
    // Numbers: dots put the day first; slashes are read only when the order is certain.
    ['Hintergrund 19.07.2026 Lesedauer', 'de', '2026-07-19'],
    ['Hintergrund19.07.2026Lesedauer', 'de', '2026-07-19'],
    ['Version 119.07.2026', 'en', null],
    ['28/11/2026', 'en', '2026-11-28'],
    ['11/28/2026', 'en', '2026-11-28'],
    ['5/3/2026 10:00 AM ET', 'en', '2026-05-03T14:00:00.000Z'],
    ['5/3/2026 · May 4, 2026', 'en', '2026-05-04'],
    ['Version 1.2.3 of 2026', 'en', null],
    // A local time in a zone the page does not name is no instant: the day is what is known.
    ['March 9 2026 4:21 PM', 'en', '2026-03-09'],
    ['2026年3月15日 09:43', null, '2026-03-15'],
    ['2026/3/5', 'ja', '2026-03-05'],
    ['Thursday, December 22nd, 2026', 'en', '2026-12-22'],
    // A bare date, then a time on that day; a second day is another date and ends the search.
    ['This story is from October 9, 2026 · Updated: Oct 9, 2026, 11:05 IST', 'en', '2026-10-09T05:35:00.000Z'],
    ['May 2, 2026 · Related: May 1, 2026 10:00 UTC', 'en', '2026-05-02'],
    ['The market 12, 2026 plan', 'en', null],
    ['Chapter 13 of 2026', 'en', null],
  ])('reads %j (lang %s) as %s', (text, lang, want) => {
    expect(parseDateline(text, lang)).toBe(want);
  });
});

describe('parseDateline on an American page', () => {
  it.each([
    // The American form with a 12-hour clock and no zone is US Eastern, summer time included.
    ['December 16, 2026, 4:19 PM', '2026-12-16T21:19:00.000Z'],
    ['March 9 2026 4:21 PM', '2026-03-09T20:21:00.000Z'],
    ['Dec 1st 2026 1:01PM', '2026-12-01T18:01:00.000Z'],
    // A printed zone still wins.
    ['March 9 2026 4:21 PM PT', '2026-03-09T23:21:00.000Z'],
    // Other forms name no country: a 24-hour clock, the day first, numbers only.
    ['March 9 2026 16:21', '2026-03-09'],
    ['9 March 2026 4:21 PM', '2026-03-09'],
    ['11/28/2026 4:21 PM', '2026-11-28'],
  ])('reads %j as %s', (text, want) => {
    expect(parseDateline(text, 'en', true)).toBe(want);
  });

  it.each([
    ['en', 'www.slate.com', true],
    ['en-US', 'abcnews.go.com', true],
    [null, 'example.org', true],
    ['en', 'nola.us', true],
    ['en-GB', 'example.com', false],
    ['en_US', 'example.com', true],
    ['en-IN', 'example.com', false],
    ['en', 'www.theguardian.co.uk', false],
    ['en', 'www.heraldsun.com.au', false],
    ['en', 'www.cbc.ca', false],
    ['fr', 'www.lemonde.fr', false],
    ['es', 'example.com', false],
  ])('takes a page in %s on %s for American: %s', (lang, host, want) => {
    expect(americanPage(lang, host)).toBe(want);
  });
});

describe('findDateline', () => {
  it('reads a time in the zone of the script the headline is written in when the page declares no language', () => {
    const doc = parse(
      `<body><article><h1>这个约会软件，想用你和对方的相似好恶来帮你找对象</h1><p>谢若含 2026-03-01 14:27:02</p><p>${'文章内容。'.repeat(40)}</p></article></body>`,
    );
    expect(findDateline(doc.querySelector('h1'), null)).toBe('2026-03-01T06:27:00.000Z');
    expect(findDateline(doc.querySelector('h1'), 'en')).toBe('2026-03-01');
  });

  it('reads the date printed beside the headline, not one further down', () => {
    const doc =
      parse(`<body><main><header><p class="kicker">Local</p><h1>Water rates to rise</h1><p>Ann Lee · Mar 3, 2026 9:00 AM GMT</p></header>
      <div>${'<p>Words of the article go on here for some time.</p>'.repeat(12)}<p>Rates last rose on May 1, 2019 at 10:00 UTC.</p></div></main></body>`);
    expect(findDateline(doc.querySelector('h1'), 'en')).toBe('2026-03-03T09:00:00.000Z');
  });

  it('reads it in a box well above a headline nested in a breadcrumb', () => {
    const doc =
      parse(`<body><article><div class="row"><div class="col"><ol><li><span>Now: <h1>Water rates to rise</h1></span></li></ol></div></div>
      <ul><li>Analysis</li><li>19.07.2026</li></ul><p>${'Words of the article. '.repeat(40)}</p></article></body>`);
    expect(findDateline(doc.querySelector('h1'), 'de')).toBe('2026-07-19');
  });

  it('says null without a headline or a date near it', () => {
    const doc = parse(
      `<body><article><h1>Water rates to rise</h1><p>${'No date here. '.repeat(40)}</p><p>May 1, 2019 10:00 UTC</p></article></body>`,
    );
    expect(findDateline(doc.querySelector('h1'), 'en')).toBeNull();
    expect(findDateline(null, 'en')).toBeNull();
  });
});
