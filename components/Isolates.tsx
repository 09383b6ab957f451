import type { ComponentChildren } from 'preact';

// Stand-ins for story text while a message is composed: private-use characters, which no message
// of ours holds, so the story's words never pass through the message's own substitution.
const open = '\uE000';
const close = '\uE001';
const STAND_IN = new RegExp(`${open}(\\d+)${close}`);

/**
 * A message of ours with story text in it, each piece its own `<bdi>`: an Arabic outlet or topic
 * reads right to left in an English sentence, and the sentence's own order, brackets and numbers
 * stay where they are. `compose` builds the message (`t` or `tn`), handing each story text to
 * `story`. A `<bdi>` is an element, not a control character: what a screen reader reads (and a
 * test finds) is the message's words alone.
 */
export function withIsolates(compose: (story: (text: string) => string) => string): ComponentChildren {
  const texts: string[] = [];
  const message = compose((text) => `${open}${texts.push(text) - 1}${close}`);
  return message
    .split(STAND_IN)
    .map((part, i) => (i % 2 ? <bdi key={i}>{texts[Number(part)]}</bdi> : part))
    .filter((part) => part !== '');
}
