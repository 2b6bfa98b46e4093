import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, MESSAGES, type Language } from './messages';

export { LANGUAGES, MESSAGES, type Language };
export const STORAGE_KEY = 'wbo.language';

export function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    /* storage unavailable: default */
  }
  return 'zh-Hant';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* storage unavailable: not remembered */
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: MESSAGES[l] }])),
  lng: storedLanguage(),
  fallbackLng: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnEmptyString: true,
});
document.documentElement.lang = storedLanguage();

export default i18n;
