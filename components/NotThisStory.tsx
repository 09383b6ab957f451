import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../platform/i18n.ts';
import type { Alternative } from '../lib/messages.ts';

interface Props {
  alternatives: Alternative[];
  onPick: (storyId: string) => void;
  onDismiss: () => void;
  busy?: boolean;
}

/** "Not this story?": the runner-up stories to pick from, or "no story covers this page". */
export function NotThisStory({ alternatives, onPick, onDismiss, busy = false }: Props) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  // The list opens at the bottom of a popup already at its height cap: bring it into view.
  useEffect(() => {
    if (open) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open]);
  return (
    <section class="not-this-story">
      <button type="button" class="link-button" aria-expanded={open} aria-controls="not-this-story-panel" onClick={() => setOpen(!open)}>
        {t('notThisStory')}
      </button>
      {open && (
        <div id="not-this-story-panel" ref={panel} class="not-this-story__panel">
          {alternatives.length > 0 && (
            <>
              <h2 class="section-heading">{t('notThisStoryHeading')}</h2>
              <ul class="not-this-story__list">
                {alternatives.map((a) => (
                  <li key={a.storyId}>
                    <button
                      type="button"
                      class="not-this-story__pick"
                      data-story-id={a.storyId}
                      dir="auto"
                      title={a.title}
                      disabled={busy}
                      onClick={() => onPick(a.storyId)}
                    >
                      <span class="not-this-story__title">{a.title}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" class="not-this-story__none" disabled={busy} onClick={onDismiss}>
            {t('noStoryFits')}
          </button>
          <p class="muted not-this-story__note">{t('choiceStaysHere')}</p>
        </div>
      )}
    </section>
  );
}

/** The reader's earlier choice for this page, said plainly, with a way to take it back. */
export function ReaderChoiceNote({ kind, onUndo, busy = false }: { kind: 'picked' | 'dismissed'; onUndo: () => void; busy?: boolean }) {
  return (
    <p class="reader-choice" data-kind={kind}>
      {t(kind === 'picked' ? 'chosenByReader' : 'choiceStaysHere')}{' '}
      <button type="button" class="link-button" disabled={busy} onClick={onUndo}>
        {t('undoChoice')}
      </button>
    </p>
  );
}
