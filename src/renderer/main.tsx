import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiClient } from './api/client';
import { ApiProvider } from './api/context';
import { detectTransport } from './api/transport';
import { LiveProvider, detectEvents } from './api/live';
import { QueryProvider, createQueryClient } from './api/query';
import { OfflineBanner } from './stations/OfflineBanner';
import { App } from './App';
import { createI18n, languageSwitcher } from './i18n';
import './styles/kiosk.css';
import './styles/fonts.css';

const client = new ApiClient(detectTransport(window, document));
// One cache for the page, above every screen (the offline banner included), so every read shares it.
const queries = createQueryClient();
const i18n = createI18n();
const setLanguage = languageSwitcher(i18n, document);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiProvider client={client}>
          <LiveProvider source={detectEvents(window, document)}>
            <QueryProvider client={queries}>
              <OfflineBanner />
              <App setLanguage={setLanguage} />
            </QueryProvider>
          </LiveProvider>
        </ApiProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}
