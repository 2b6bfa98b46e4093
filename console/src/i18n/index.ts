import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zhHans from './zh-Hans';
import zhHant from './zh-Hant';
import STATEMENTS from '../pages/statements/messages';
import { WITHDRAWAL_MESSAGES } from '../pages/withdrawals/messages';

/** The console's languages; Traditional Chinese is the default, the choice is remembered in localStorage. */
export const LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'wbo.language';
export const MESSAGES: Record<Language, Record<string, string>> = { 'zh-Hant': zhHant, 'zh-Hans': zhHans, en };
for (const l of LANGUAGES) MESSAGES[l] = { ...MESSAGES[l], ...STATEMENTS[l], ...WITHDRAWAL_MESSAGES[l] };

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
