import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatDate, t, tn } from '../platform/i18n.ts';
import type { StorySummary } from '../lib/story/search.ts';

interface Props {
  search: (query: string) => Promise<StorySummary[]>;
  onOpen: (id: string) => void;
  /** Escape in the search box: the page closes whatever opened the search. */
  onEscape?: () => void;
  autoFocus?: boolean;
  /** Whether an empty query lists the newest stories (the popup, short of room, waits for a query). */
  listEmpty?: boolean;
  /** Stories the page already shows above the search: not listed again among the newest. */
  shown?: readonly string[];
}

/** Search over the store by title, topic or outlet; results update as the reader types. */
export function StorySearch({ search, onOpen, onEscape, autoFocus, listEmpty = true, shown = [] }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<StorySummary[] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Layout effect: focus lands before the first paint, so a keystroke right after opening goes to the box.
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  useEffect(() => {
    let live = true;
    if (!query && !listEmpty) {
      setResults(null);
      return;
    }
    // A short pause while typing keeps the background from searching every keystroke.
    const timer = setTimeout(
      () =>
        void search(query).then(
          (r) => live && setResults(query ? r : r.filter((x) => !shown.includes(x.id))),
          () => live && setResults([]),
        ),
      query ? 120 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  // Results of what the reader typed are brought into view: in the popup they open below its fold.
  useEffect(() => {
    if (query && results?.length) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [results]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    if (query) setQuery('');
    else onEscape?.();
    e.stopPropagation();
  };
  return (
    <div role="search" class="story-search" ref={box}>
      <label class="story-search__label" for="story-search-input">
        {t('searchLabel')}
      </label>
      <input
        id="story-search-input"
        ref={input}
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        autoComplete="off"
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p class="visually-hidden" aria-live="polite">
        {results && tn('searchResults', results.length)}
      </p>
      {results && results.length === 0 && <p class="muted">{t('searchNoResults')}</p>}
      {results && results.length > 0 && (
        <ul class="story-search__results">
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" class="story-search__result" onClick={() => onOpen(r.id)}>
                <span class="story-search__title" dir="auto">
                  {r.title}
                </span>
                <span class="muted story-search__meta">
                  <bdi>{r.category}</bdi> · {tn('outlets', r.outlets)} · {formatDate(r.publishedAt, false)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
