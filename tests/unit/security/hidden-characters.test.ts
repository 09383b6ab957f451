// Which characters each place that quotes outside text writes out or refuses, from the one table
// (lib/hidden-characters.ts). Lens's problem lines (`writtenOut`) and lens's terminal output
// (`terminalSafe`) choose different kinds on purpose; the table keeps a kind added for one from
// being forgotten by the other. The shorthand and musical format controls the story door refused
// as invisible were printed raw by lens (a review, 2026-12-08).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../cli/io.ts';
import { describeRejection, parseStories, type Story } from '../../../lib/story/story.ts';
import { writtenOut } from '../../../lib/words.ts';

/** The code points `escape` changes when alone, as ranges written `0000-001f`. */
function rangesChanged(escape: (s: string) => string): string[] {
  const ranges: [number, number][] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (escape(c) === c) continue;
    const last = ranges.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`));
}

describe('the characters written out', () => {
  it('in Lens’s problem lines: controls, line breaks, direction controls, zero-width characters and invisible operators', () => {
    expect(rangesChanged(writtenOut)).toEqual(['0000-001f', '007f-009f', '200b', '2028-202e', '2060-2064', '2066-2069', 'feff']);
  });

  it('in lens’s output: those but the tab, and the marks LRM, RLM and ALM, the soft hyphen and every character the door calls invisible', () => {
    expect(rangesChanged((s) => terminalSafe(s))).toEqual([
      '0000-0008',
      '000a-001f',
      '007f-009f',
      '00ad',
      '061c',
      '115f-1160',
      '180e',
      '200b',
      '200e-200f',
      '2028-202e',
      '2060-2064',
      '2066-206f',
      '3164',
      'feff',
      'ffa0',
      'fff9-fffb',
      '1bca0-1bca3',
      '1d173-1d17a',
      'e0000-e007f',
    ]);
  });

  it('as JSON escapes, an astral character as its two halves, and a line feed of lens’s own JSON kept', () => {
    expect(writtenOut('id\u202e\n')).toBe('id\\u202e\\u000a');
    expect(terminalSafe('a\u{1bca0}b\u{1d173}\n', true)).toBe('a\\ud82f\\udca0b\\ud834\\udd73\n');
    expect(JSON.parse(`"${terminalSafe('a\u{1bca0}b\u{e0041}')}"`)).toBe('a\u{1bca0}b\u{e0041}');
  });
});

describe('a character the story door refuses as invisible', () => {
  const raw = JSON.parse(readFileSync('data/stories/microsoft-mayo-clinic-frontier-ai-model.json', 'utf8')) as Story;

  it.each([0x1bca0, 0x1bca3, 0x1d173, 0x1d17a, 0xe0041, 0x3164, 0x2062, 0x202e].map((cp) => [cp.toString(16), String.fromCodePoint(cp)]))(
    'is refused in a title and written out by lens: U+%s',
    (_, c) => {
      const r = parseStories({ ...raw, title: `Fortune${c} report` });
      expect(r.stories).toEqual([]);
      expect(describeRejection(r.rejected[0]!).join('\n')).toMatch(/title/);
      expect(terminalSafe(`Fortune${c}`)).not.toContain(c);
    },
  );
});
