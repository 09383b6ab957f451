// @vitest-environment happy-dom
// The settings page's store form keeps what the reader typed when the saved settings change
// underneath (another settings tab, the background), and follows them when nothing was typed.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { StoreForm } from '../../../entrypoints/options/StoreForm.tsx';
import { renderRoot } from '../render-root.ts';

const root = renderRoot();

const form = (storeUrl: string) => <StoreForm initial={{ storeUrl, syncMinutes: 30 }} defaultUrl={null} notice={null} onSave={() => {}} />;
const input = () => root().querySelector<HTMLInputElement>('#store-url')!;

describe('the store form', () => {
  it('follows the saved address while the reader has typed nothing', () => {
    act(() => render(form('https://a.example/store/'), root()));
    act(() => render(form('https://b.example/store/'), root()));
    expect(input().value).toBe('https://b.example/store/');
  });

  it('keeps what the reader typed when the saved address changes underneath', () => {
    act(() => render(form('https://a.example/store/'), root()));
    act(() => {
      input().value = 'https://typed.example/store/';
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => render(form('https://b.example/store/'), root()));
    expect(input().value).toBe('https://typed.example/store/');
  });
});
