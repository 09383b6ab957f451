// Running text a store can turn against what the reader sees (an audit, 2026-12-07): a direction
// override left open reordered what followed it on its line (Lens's citation links, a stat's
// label), and dozens of combining marks stacked on each letter ("Zalgo") spilled over the lines
// around a name in the popup. Real Arabic, Hebrew, Vietnamese, Hindi and Thai text must pass as it is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitCitations } from '../../../lib/story/citations.ts';
import { describeRejection, parseStories, type Story } from '../../../lib/story/story.ts';
import { closeDirections, MAX_MARKS_IN_A_ROW } from '../../../lib/words.ts';

const raw = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8')) as Story;
const parse = (patch: Partial<Story>) => parseStories({ ...raw, ...patch });
const [LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI] = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

describe('direction controls in running text', () => {
  it('an override left open in a dek is closed at its end, not refused', () => {
    const r = parse({ dek: `The board voted ${RLO}45 to 3 in favour` });
    expect(r.rejected).toEqual([]);
    expect(r.stories[0]!.dek).toBe(`The board voted ${RLO}45 to 3 in favour${PDF}`);
  });

  it("an override in a stat's value cannot reach its label", () => {
    const r = parse({ stats: [{ value: `${RLO}12%`, label: 'of hospitals' }] });
    expect(r.stories[0]!.stats![0]!.value).toBe(`${RLO}12%${PDF}`);
  });

  it('is closed at the end of each line of a paragraph, as each line is its own', () => {
    expect(closeDirections(`a${RLE}b\nc${LRI}d\r\ne`)).toBe(`a${RLE}b${PDF}\nc${LRI}d${PDI}\r\ne`);
  });

  it('a closer that closes nothing is dropped', () => {
    expect(closeDirections(`text ${PDI} more ${PDF} end`)).toBe('text  more  end');
    // A PDF does not close across an isolate.
    expect(closeDirections(`${RLI}a${PDF}b${PDI}`)).toBe(`${RLI}ab${PDI}`);
  });

  it('nested controls are closed innermost first; a PDI closes what its isolate opened', () => {
    expect(closeDirections(`${RLI}a${LRO}b`)).toBe(`${RLI}a${LRO}b${PDF}${PDI}`);
    expect(closeDirections(`${FSI}a${RLE}b${PDI}c`)).toBe(`${FSI}a${RLE}b${PDI}c`);
  });

  it('text that uses them as it should is left as it is', () => {
    const mixed = [
      `The minister said ${RLI}مرحبا بكم في القاهرة${PDI} on Monday.`,
      `${FSI}שלום עולם${PDI} — ${LRE}Tel Aviv 2026${PDF}`,
      `قال الوزير إن ${LRI}GDP${PDI} ارتفع بنسبة 3٪`,
    ];
    for (const s of mixed) expect(closeDirections(s)).toBe(s);
    expect(parse({ dek: mixed[0]!, keyPoints: mixed }).stories[0]!.keyPoints).toEqual(mixed);
  });

  it("an override before a citation does not turn Lens's citation links around", () => {
    expect(splitCitations(`Officials ${RLO}said so [1] and more [2].`)).toEqual([
      `Officials ${RLO}said so ${PDF}`,
      { n: 1 },
      ' and more ',
      { n: 2 },
      '.',
    ]);
  });

  it('names and titles still refuse them whole', () => {
    const r = parse({ title: `Fortune ${RLO}enutroF` });
    expect(describeRejection(r.rejected[0]!)[0]).toMatch(/title must not contain invisible or direction-changing characters/);
  });
});

describe('combining marks stacked on one letter', () => {
  const zalgo = (word: string, marks: number) =>
    [...word].map((c) => c + Array.from({ length: marks }, (_, i) => String.fromCharCode(0x0300 + ((i * 7) % 0x70))).join('')).join('');

  it.each([
    ['title', (s: string) => ({ title: s })],
    ['outlet', (s: string) => ({ sources: raw.sources.map((x, i) => (i ? x : { ...x, outlet: s })) })],
    ['viewpoint name', (s: string) => ({ viewpoints: raw.viewpoints.map((v, i) => (i ? v : { ...v, name: s })) })],
    ['dek', (s: string) => ({ dek: s })],
  ])('refuses a %s with dozens of marks per letter', (field, patch) => {
    const r = parse(patch(`Fortune ${zalgo('Fortune', 30)}`) as Partial<Story>);
    expect(r.stories).toEqual([]);
    expect(describeRejection(r.rejected[0]!)[0]).toMatch(/must not stack more than 8 combining marks on one letter/);
  });

  it(`takes ${MAX_MARKS_IN_A_ROW} in a row and refuses ${MAX_MARKS_IN_A_ROW + 1}`, () => {
    expect(parse({ title: `Fortune ${zalgo('F', MAX_MARKS_IN_A_ROW)}` }).rejected).toEqual([]);
    expect(parse({ title: `Fortune ${zalgo('F', MAX_MARKS_IN_A_ROW + 1)}` }).rejected).toHaveLength(1);
  });

  // Headlines as publishers write them, and the same decomposed (NFD), as a scraper may keep them.
  const REAL = {
    vietnamese: 'Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến về phòng chống thiên tai, lũ lụt ở miền Trung',
    hindi: 'प्रधानमंत्री नरेंद्र मोदी ने संसद में कहा कि ज़िम्मेदारी सबकी है; क्षेत्रीय दलों ने स्वागत किया',
    arabic: 'بِسْمِ ٱللَّٰهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ — قَالَ ٱلْوَزِيرُ إِنَّ ٱلْمَشْرُوعَ سَيَكْتَمِلُ',
    thai: 'นายกรัฐมนตรีกล่าวว่าที่ประชุมคณะรัฐมนตรีได้อนุมัติงบประมาณเพื่อฟื้นฟูพื้นที่น้ำท่วม',
    hebrew: 'בְּרֵאשִׁ֖ית בָּרָ֣א אֱלֹהִ֑ים אֵ֥ת הַשָּׁמַ֖יִם וְאֵ֥ת הָאָֽרֶץ',
    tibetan: 'བོད་ཀྱི་སྐད་ཡིག་ བསྒྲུབས་ སྒྲིག་འཛུགས་',
    myanmar: 'မြန်မာနိုင်ငံ၏ ရွေးကောက်ပွဲကော်မရှင်က ကြေညာချက်ထုတ်ပြန်ခဲ့သည်',
    emoji: 'Keycap 1️⃣ and a family 👨‍👩‍👧 and a flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  };
  it.each(Object.entries(REAL))('keeps real %s text, composed and decomposed', (_, text) => {
    for (const s of [text, text.normalize('NFD')]) {
      const r = parse({ title: s, dek: s, sources: raw.sources.map((x, i) => (i ? x : { ...x, outlet: s, title: s })) });
      expect(r.rejected).toEqual([]);
    }
  });
});

describe("a rejected story's problem lines", () => {
  it('quote no direction control or line feed of the store’s', () => {
    const r = parse({ sources: raw.sources.map((s, i) => (i ? s : { ...s, viewpointId: `x\u202eevil\n\nLens: all stories valid` })) });
    const lines = r.rejected.flatMap(describeRejection);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/[\n\u202e]/);
    expect(lines).toContain(`story "${raw.id}" (#0): sources[0].viewpointId must be a slug: lower-case letters, digits and dashes`);
  });
});
