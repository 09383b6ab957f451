// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { withIsolates } from '../../components/Isolates.tsx';
import { renderRoot } from './render-root.ts';

const root = renderRoot();
const shown = (compose: Parameters<typeof withIsolates>[0]) => {
  render(<p>{withIsolates(compose)}</p>, root());
  return root().firstElementChild!.innerHTML;
};

describe('story text in a message of ours', () => {
  it('is each its own <bdi>, the message around it plain text', () => {
    expect(shown((story) => `Read [1] ${story('صحيفة رقم 1')} now`)).toBe('Read [1] <bdi>صحيفة رقم 1</bdi> now');
    expect(shown((story) => `${story('A')} and ${story('B')}`)).toBe('<bdi>A</bdi> and <bdi>B</bdi>');
  });

  it('is text, whatever it holds: markup, "$1", or the characters that stand in for it', () => {
    expect(shown((story) => `Follow ${story('<b>$1</b> \uE0000\uE001')}`)).toBe('Follow <bdi>&lt;b&gt;$1&lt;/b&gt; \uE0000\uE001</bdi>');
  });

  it('leaves a message with no story text as it is', () => {
    expect(shown(() => 'Follow this story')).toBe('Follow this story');
  });
});
