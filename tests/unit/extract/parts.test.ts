// The small pieces extraction is built from: normalisers, title and byline cleaning, JSON-LD.
import { describe, expect, it, vi } from 'vitest';
import { cleanByline, joinAuthors } from '../../../lib/extract/byline.ts';
import { readJsonLd } from '../../../lib/extract/jsonld.ts';
import { normalizeLang, normalizeTime } from '../../../lib/extract/normalize.ts';
import { countWords } from '../../../lib/extract/text.ts';
import { cleanTitle } from '../../../lib/extract/title.ts';
import { ld, parse } from './dom.ts';

describe('normalizeTime', () => {
  it.each([
    ['2026-06-21T16:32:00Z', '2026-06-21T16:32:00.000Z'],
    ['2026-06-21T18:32:00+02:00', '2026-06-21T16:32:00.000Z'],
    ['2026-06-21T12:32:00-0400', '2026-06-21T16:32:00.000Z'],
    ['2026-06-21 16:32:00', '2026-06-21T16:32:00.000Z'],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00.000Z'],
    ['2015-07-10 09:53:00 -0400', '2015-07-10T13:53:00.000Z'],
    ['Fri Mar 13 21:30:09 EST 2015', '2015-03-14T02:30:09.000Z'],
    ['2026-06-21', '2026-06-21'],
    ['June 21, 2026', '2026-06-21'],
    ['2018-10-29T10:15-500', '2018-10-29T15:15:00.000Z'],
  ])('reads %s as %s', (input, out) => {
    expect(normalizeTime(input)).toBe(out);
  });

  it('refuses what is not a date, and dates outside any news archive', () => {
    expect([
      normalizeTime('yesterday'),
      normalizeTime('8h'),
      normalizeTime('0001-01-01T00:00:00Z'),
      normalizeTime(''),
      normalizeTime(null),
    ]).toEqual([null, null, null, null, null]);
  });
});

describe('normalizeLang', () => {
  it('keeps the primary subtag in lower case', () => {
    expect(['en-US', 'en_GB', 'EN', ' de ', 'zh-Hant-TW', 'x', ''].map(normalizeLang)).toEqual(['en', 'en', 'en', 'de', 'zh', null, null]);
  });
});

describe('cleanTitle', () => {
  it.each([
    ['How to Build a Terrarium | eHow', 'eHow', 'www.ehow.com', 'How to Build a Terrarium'],
    ['The Verge | Apple’s headset, tried', 'The Verge', 'theverge.com', 'Apple’s headset, tried'],
    [
      'Dylann Roof Convicted Of Charleston Church Massacre : The Two-Way : NPR',
      'NPR',
      'npr.org',
      'Dylann Roof Convicted Of Charleston Church Massacre',
    ],
    ['Lorem ipsum dolor sit amet – My website', null, 'fakehost', 'Lorem ipsum dolor sit amet'],
    // A plain hyphen joins halves of one headline as often as it adds a site name.
    [
      'ONE HUNDRED TWO: What kind of wordchain? - Super Supportive',
      null,
      'royalroad.com',
      'ONE HUNDRED TWO: What kind of wordchain? - Super Supportive',
    ],
    ['Spider-Man - a review', null, 'example.com', 'Spider-Man - a review'],
    // A site name in brackets, after a section name (as archiveofourown.org, lwn.net).
    [
      'A Cryptid - Chapter 1 - Ann Lee | Boku no Hero Academia | My Hero Academia [Archive of Our Own]',
      null,
      'archiveofourown.org',
      'A Cryptid - Chapter 1 - Ann Lee | Boku no Hero Academia',
    ],
    ['Weekly Edition for March 26, 2026 [LWN.net]', null, 'lwn.net', 'Weekly Edition for March 26, 2026'],
    ['Ann Lee [Blog]', null, 'example.com', 'Ann Lee [Blog]'],
    ['Crowds[1] gather', null, 'example.com', 'Crowds[1] gather'],
    [
      '这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报',
      null,
      'www.qdaily.com',
      '这个约会软件，想用你和对方的相似好恶来帮你找对象',
    ],
    ['宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网', null, 'tech.gmw.cn', '宇航员在太空中喝酒会怎么样？后果很严重'],
    ['Using snake_case names_in Python', null, 'example.com', 'Using snake_case names_in Python'],
    // A domain name, or a label of the page's address, names the site.
    ['GAME CHANGER | Newegg.com', null, 'www.newegg.com', 'GAME CHANGER'],
    ['Debian 13 released with a new installer - Slashdot', null, 'linux.slashdot.org', 'Debian 13 released with a new installer'],
    ['BBC weather - BBC', null, 'www.bbc.co.uk', 'BBC weather'],
    // The site's name glued on after a separator without spaces.
    [
      'マインドマップ風のツリーを描画できる「Treeviz」:phpspot開発日誌',
      'phpspot開発日誌',
      'phpspot.org',
      'マインドマップ風のツリーを描画できる「Treeviz」',
    ],
  ])('cleans %s', (title, site, host, out) => {
    expect(cleanTitle(title, site, host)).toBe(out);
  });
});

describe('cleanByline and joinAuthors', () => {
  it.each([
    ['By Ann Lee', 'Ann Lee'],
    ['ByTravis Haney', 'Travis Haney'],
    ['Byby ANN LEE and BO CHAN', 'ANN LEE and BO CHAN'],
    ['By Ann Lee, December 16th 2026', 'Ann Lee'],
    ['Posted by Ruth Adeyemi on March 4, 2026', 'Ruth Adeyemi'],
    ['Julia Horowitz @juliakhorowitz November 29, 2016: 3:42 PM ET', 'Julia Horowitz'],
    ['Par Cécile Ducourtieux (Bruxelles, bureau européen)', 'Cécile Ducourtieux'],
    ['James Akinaka • 8h', 'James Akinaka'],
    ['Politik · Jochen Bittner, Tina Hildebrandt', 'Jochen Bittner, Tina Hildebrandt'],
    ['CNN · Updated December 12, 2016', 'CNN'],
    ['文● オカモト／ASCII編集部', 'オカモト／ASCII編集部'],
    // "作者" (author) labels a name in Chinese and Japanese; the label alone names no one.
    ['作者：肖春芳', '肖春芳'],
    ['作者︱春春', '春春'],
    ['作者：', null],
    ['Emily Kirkpatrick Updated on December 12, 2016 09:22 AM', 'Emily Kirkpatrick'],
    ['小暮ひさのり', '小暮ひさのり'],
    ['田中宏昌，', '田中宏昌'],
    ['https://www.facebook.com/someone', null],
    ['12/03/2026', null],
    // Roles and phrasing around the name are cut; what is not a name at all is refused.
    ['Marcus Bell, Sports Reporter', 'Marcus Bell'],
    ['This post was written by Dana Wu, Head of Marketing', 'Dana Wu'],
    ['Ann Lee is a staff writer at the Courier', 'Ann Lee'],
    ['Ann Lee, Bo Chan, Staff Writers', 'Ann Lee, Bo Chan'],
    ['O&#39;Brien Kelly', "O'Brien Kelly"],
    ['page.head.extra.author', null],
    ['{{author}}', null],
    ['%author_name%', null],
    [', USA TODAY', null],
    ['1,677 new writers this month', null],
    ['Follow Author', null],
    ['Thu 3 Jan 2019 02.00 EST', null],
    ['Last modified on Wed 16 Jan 2019 06.16 EST', null],
    ['Photograph by Tyrone Turner, National Geographic Creative', null],
    ['Photo: Ann Lee/Courier', null],
    ['Illustration by Bo Chan', null],
    ['Foto: dpa', null],
    ['View all posts by Ann Lee', null],
    ['Follow us on Twitter for more news', null],
    ['Our reporters asked the council for a comment', null],
    // Names that look like those, kept: a degree, an agency, two names, particles.
    ['Brenda Goodman, MA', 'Brenda Goodman, MA'],
    ['Paul Wiseman and Fatima Hussein, The Associated Press', 'Paul Wiseman and Fatima Hussein, The Associated Press'],
    ['Ann Lee, Bo Chan', 'Ann Lee, Bo Chan'],
    ['Ludwig van der Berg and Ana de la Cruz', 'Ludwig van der Berg and Ana de la Cruz'],
  ])('reads %s as %s', (raw, out) => {
    expect(cleanByline(raw)).toBe(out);
  });

  // Each way a byline's tail can start, one by one: the cheap pre-check before the cutter must
  // let every one of them through.
  it.each([
    'Ann Lee | Staff writer',
    'Ann Lee — Staff writer',
    'Ann Lee – Staff writer',
    'Ann Lee published: today',
    'Ann Lee on Dec. 15',
    'Ann Lee @annlee',
    'Ann Lee (Reuters, London)',
    'Ann Lee 12/28/2016',
    'Ann Lee 28.12.16',
    'Ann Lee 2016-12-28T10:00',
    'Ann Lee Dec. 15',
    'Ann Lee 15 March 2019',
    'Ann Lee Monday',
    'Ann Lee Thu 3 Jan 2019 02.00 EST',
    'Ann Lee Sat., March 7, 2026',
    'Ann Lee Last modified on Wed 16 Jan 2019',
    'Ann Lee 2019年3月15日',
  ])('cuts the tail of %s', (raw) => {
    expect(cleanByline(raw)).toBe('Ann Lee');
  });

  it('joins several authors readably and drops repeats', () => {
    expect(joinAuthors(['Ann Lee'])).toBe('Ann Lee');
    expect(joinAuthors(['By Ann Lee', 'Bo Chan'])).toBe('Ann Lee and Bo Chan');
    expect(joinAuthors(['Ann Lee', 'Bo Chan', 'ann lee', 'Cy Diaz'])).toBe('Ann Lee, Bo Chan and Cy Diaz');
    expect(joinAuthors([])).toBeNull();
  });

  it('cleans a name once however often extraction asks (each expression run again compiles again), the same answer each time', () => {
    const exec = vi.spyOn(RegExp.prototype, 'exec');
    try {
      const raw = 'By Wendy Marsh, Staff Writer | Updated March 3, 2021';
      expect(cleanByline(raw)).toBe('Wendy Marsh');
      const runs = exec.mock.calls.length;
      expect(runs).toBeGreaterThan(0);
      expect(cleanByline(raw)).toBe('Wendy Marsh');
      expect(joinAuthors([raw, raw])).toBe('Wendy Marsh');
      expect(exec.mock.calls.length).toBe(runs);
      // A long run of pages does not keep every name it met.
      for (let i = 0; i < 1200; i++) {
        const name = `Ann Q${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}`;
        expect(cleanByline(name)).toBe(name);
      }
      expect(cleanByline('page.head.extra.author')).toBeNull();
    } finally {
      exec.mockRestore();
    }
  });
});

describe('readJsonLd', () => {
  const doc = (...scripts: string[]) => parse(`<html><head>${scripts.join('')}</head><body></body></html>`);

  it('finds the article in a @graph, an array, or behind mainEntity', () => {
    expect(
      readJsonLd(
        doc(
          ld({
            '@graph': [
              { '@type': 'WebSite', name: 'S' },
              { '@type': 'BlogPosting', headline: 'G' },
            ],
          }),
        ),
      ).article?.headline,
    ).toBe('G');
    expect(readJsonLd(doc(ld([{ '@type': 'Organization' }, { '@type': 'NewsArticle', headline: 'A' }]))).article?.headline).toBe('A');
    expect(readJsonLd(doc(ld({ '@type': 'WebPage', mainEntity: { '@type': 'Article', headline: 'M' } }))).article?.headline).toBe('M');
  });

  it('knows article types however they are spelled, and in type lists', () => {
    for (const type of ['ReportageNewsArticle', 'http://schema.org/OpinionNewsArticle', ['CreativeWork', 'LiveBlogPosting']]) {
      expect(readJsonLd(doc(ld({ '@type': type, headline: 'T' }))).article?.headline).toBe('T');
    }
  });

  it('prefers the article whose url is the page among several', () => {
    const a = ld([
      { '@type': 'NewsArticle', headline: 'Other', url: 'https://x.example/other' },
      { '@type': 'NewsArticle', headline: 'This', url: 'https://x.example/this/' },
    ]);
    expect(readJsonLd(doc(a), 'https://x.example/this').article?.headline).toBe('This');
  });

  it('ignores broken scripts and reads JSON wrapped in CDATA', () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>';
    const cdata = `<script type="application/ld+json">//<![CDATA[\n${JSON.stringify({ '@type': 'NewsArticle', headline: 'C' })}\n//]]></script>`;
    expect(readJsonLd(doc(broken, cdata)).article?.headline).toBe('C');
    expect(readJsonLd(doc(broken)).article).toBeNull();
  });

  it('falls back to a WebPage with a headline, and to nothing', () => {
    expect(readJsonLd(doc(ld({ '@type': 'WebPage', headline: 'W' }))).article?.headline).toBe('W');
    expect(readJsonLd(doc(ld({ '@type': 'WebSite', name: 'S' }))).article).toBeNull();
  });
});

describe('countWords', () => {
  it('counts words, and each Chinese or Japanese character', () => {
    expect(countWords("Don't count   the spaces, 42 times")).toBe(6);
    expect(countWords('東京都に住む')).toBe(6);
    expect(countWords('iPhone 17 が発売')).toBe(5);
  });
});
