import { browser } from 'wxt/browser';
import { t } from '../../platform/i18n.ts';

/** The first-run page: how to use Lens, the two reading modes, what stays on the device, and the story store. */
export function App() {
  return (
    <main class="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p class="welcome__lead">{t('welcomeIntro')}</p>
      <p class="hint">{t('welcomePinHint')}</p>
      <section aria-labelledby="modes-heading">
        <h2 id="modes-heading">{t('welcomeModesHeading')}</h2>
        <ul>
          <li>{t('welcomeModeClick')}</li>
          <li>{t('welcomeModeAuto')}</li>
        </ul>
      </section>
      <section aria-labelledby="device-heading">
        <h2 id="device-heading">{t('welcomeDeviceHeading')}</h2>
        <p>{t('welcomeDevice')}</p>
        <p>{t('welcomeSearch')}</p>
      </section>
      <section aria-labelledby="store-heading">
        <h2 id="store-heading">{t('welcomeStoreHeading')}</h2>
        <p>{t('welcomeStore')}</p>
        <p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('welcomeOpenSettings')}
          </button>
        </p>
      </section>
    </main>
  );
}
