/**
 * "Find this article": the reader's own default search engine, through the browser's search API
 * (the `search` permission), run only inside the reader's click. Lens never learns the results.
 */
import { browser } from 'wxt/browser';

interface SearchApi {
  /** Chrome MV3 and Firefox ≥ 111. */
  query?: (info: { text: string; disposition?: 'CURRENT_TAB' | 'NEW_TAB' | 'NEW_WINDOW' }) => Promise<void>;
  /** Firefox's older form. */
  search?: (info: { query: string }) => Promise<void>;
}

/** Searches the reader's default engine for `text` in a new tab. */
export function searchTheWeb(text: string): Promise<void> {
  const api = (browser as unknown as { search?: SearchApi }).search;
  if (api?.query) return api.query({ text, disposition: 'NEW_TAB' });
  if (api?.search) return api.search({ query: text });
  return Promise.reject(new Error('This browser has no search API'));
}
