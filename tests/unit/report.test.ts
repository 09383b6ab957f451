// When a report names a story by the page's words (lib/report.ts `namesStory`): only then does
// the background read the page again without the lines it hides from its reader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TabReport } from '../../lib/messages.ts';
import { namesStory } from '../../lib/report.ts';
import type { Story } from '../../lib/story/story.ts';

const story: Story = JSON.parse(readFileSync('tests/fixtures/e2e-store/riverton-transit-levy-vote.json', 'utf8'));
const page = { url: 'https://rivertonledger.example/a', title: 'A' };
const asked = { storyId: story.id, title: story.title, confidence: 0.6, reasons: [] };
const related = { stories: [{ ...asked, publishedAt: story.publishedAt }], reasons: [] };
const match = (confidence: number, chosenByReader?: boolean): TabReport => ({
  state: 'match',
  page,
  story,
  confidence,
  reasons: [],
  alternatives: [],
  chosenByReader,
});

describe('namesStory', () => {
  it.each<[string, TabReport]>([
    ['a match by the page’s words', match(0.9)],
    ['a question ("Is it this story?")', { state: 'no-match', page, suggestion: asked }],
    ['stories of the page’s subject', { state: 'no-match', page, sameSubject: related }],
  ])('is true for %s', (_, report) => expect(namesStory(report)).toBe(true));

  it.each<[string, TabReport]>([
    ['a match by the page’s address (URL proof)', match(1)],
    ['the reader’s own pick', match(1, true)],
    ['a plain no-match, runners-up or not', { state: 'no-match', page, alternatives: [asked] }],
    ['the reader’s "no story covers this page"', { state: 'no-match', page, dismissedByReader: true, suggestion: asked }],
    ['a page that is not an article', { state: 'not-article', page, reason: 'no-content' }],
    ['an error', { state: 'error', message: 'x' }],
  ])('is false for %s', (_, report) => expect(namesStory(report)).toBe(false));
});
