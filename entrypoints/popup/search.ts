import { sendMessage } from '../../platform/messaging.ts';

// The popup has room for this many search results; the side panel lists them all.
const SEARCH_LIMIT = 4;

/** The popup's story search: a few results, from the background's index. */
export const search = (query: string) => sendMessage('searchStories', { query, limit: SEARCH_LIMIT });
