import { browser } from 'wxt/browser';
import { t } from '../../platform/i18n.ts';
import { DataAge } from './DataAge.tsx';

/**
 * Always there, last in keyboard order: the name, how old the data is when it is old, and the
 * settings. `showAge` is false where the state's own store line already says how fresh it is.
 */
export function Footer({ showAge = true }: { showAge?: boolean }) {
  return (
    <footer class="popup__footer">
      <span class="popup__brand">{t('extName')}</span>
      {showAge && <DataAge />}
      <button
        type="button"
        class="link-button popup__settings"
        onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      >
        {t('settings')}
      </button>
    </footer>
  );
}
