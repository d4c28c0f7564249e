import { createInstance } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";
import { environment } from "./environment";

type Message = { key: string; value: string };

/**
 * Messages come from Keycloak, which merges the realm's account theme (ours: messages/messages_*.properties)
 * with its parents and serves them as a JSON list.
 */
export const i18n = createInstance({
  lng: environment.locale,
  fallbackLng: "en",
  nsSeparator: false,
  showSupportNotice: false,
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${environment.serverBaseUrl}/resources/${environment.realm}/account/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries(
        (JSON.parse(data) as Message[]).map(({ key, value }) => [key, value]),
      ),
  },
});

i18n.use(FetchBackend);
i18n.use(initReactI18next);

// Personal info announces a locale the user just saved with this event.
window.addEventListener("languageChanged", (event) => {
  void i18n.changeLanguage(
    (event as CustomEvent<{ language: string }>).detail.language,
  );
});
