import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../platform/i18n.ts';
import { SYNC_INTERVALS } from '../../lib/store/settings.ts';

export interface StoreFormValues {
  storeUrl: string;
  syncMinutes: number;
}

/** "every 30 minutes", "every hour", "every 3 hours", "once a day". */
export function intervalLabel(minutes: number): string {
  if (minutes === 1440) return t('optionsIntervalDay');
  if (minutes === 60) return t('optionsIntervalHour');
  if (minutes % 60 === 0) return t('optionsIntervalHours', minutes / 60);
  return t('optionsIntervalMinutes', minutes);
}

/** The store address and interval form; `onSave` runs inside the submit, so it may ask for permissions. */
export function StoreForm(props: {
  initial: StoreFormValues;
  defaultUrl: string | null;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  onSave: (values: StoreFormValues) => void;
  /** The reader is changing the form, or the browser refused it: an old notice no longer applies. */
  onEdit?: () => void;
}) {
  const [values, setValues] = useState(props.initial);
  // What the reader typed since the last save: a settings write from elsewhere (another settings
  // tab, the background) must not replace it under their cursor.
  const edited = useRef(false);
  // Reset only when the saved values change, not on every status update while the reader types.
  useEffect(() => {
    if (!edited.current) setValues(props.initial);
  }, [props.initial.storeUrl, props.initial.syncMinutes]);
  const intervals: number[] = SYNC_INTERVALS.includes(values.syncMinutes as never)
    ? [...SYNC_INTERVALS]
    : [...SYNC_INTERVALS, values.syncMinutes];
  return (
    <form
      class="store-form"
      // The browser's own message ("Please enter a URL.") must not sit beside an old one of ours.
      onInvalidCapture={() => props.onEdit?.()}
      onSubmit={(e) => {
        e.preventDefault();
        edited.current = false;
        // From the form itself, so a value typed a moment ago is never lost to a pending render.
        const form = new FormData(e.currentTarget as HTMLFormElement);
        props.onSave({ storeUrl: String(form.get('storeUrl') ?? ''), syncMinutes: Number(form.get('syncMinutes')) });
      }}
    >
      <section aria-labelledby="store-heading">
        <h2 id="store-heading">{t('optionsStoreHeading')}</h2>
        <p class="muted">{t('optionsStoreIntro')}</p>
        <div class="field">
          <label for="store-url">{t('optionsStoreUrlLabel')}</label>
          <input
            id="store-url"
            name="storeUrl"
            type="url"
            inputMode="url"
            spellcheck={false}
            autoComplete="off"
            placeholder="https://"
            value={values.storeUrl}
            aria-describedby="store-url-hint"
            onInput={(e) => {
              edited.current = true;
              setValues({ ...values, storeUrl: (e.currentTarget as HTMLInputElement).value });
              props.onEdit?.();
            }}
          />
          <p id="store-url-hint" class="hint">
            {t('optionsStoreUrlHint')}
          </p>
        </div>
        <div class="field">
          <label for="sync-interval">{t('optionsIntervalLabel')}</label>
          <select
            id="sync-interval"
            name="syncMinutes"
            value={String(values.syncMinutes)}
            onChange={(e) => {
              edited.current = true;
              setValues({ ...values, syncMinutes: Number((e.currentTarget as HTMLSelectElement).value) });
            }}
          >
            {intervals.map((m) => (
              <option key={m} value={String(m)}>
                {intervalLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">{t('optionsSave')}</button>
          {props.defaultUrl && values.storeUrl !== props.defaultUrl && (
            <button type="button" class="secondary" onClick={() => setValues({ ...values, storeUrl: props.defaultUrl! })}>
              {t('optionsRestoreDefault')}
            </button>
          )}
          <p class="notice" role={props.notice?.kind === 'error' ? 'alert' : 'status'} data-kind={props.notice?.kind}>
            {props.notice?.text ?? ''}
          </p>
        </div>
      </section>
    </form>
  );
}
