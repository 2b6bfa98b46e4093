import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** Switches the console's language at any time; the choice is remembered. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      data-testid="language-switch"
      size="small"
      style={{ width: 120 }}
      value={i18n.language as Language}
      onChange={setLanguage}
      options={LANGUAGES.map((l) => ({ value: l, label: <span data-testid={`language-${l}`}>{t(`language.${l}`)}</span> }))}
    />
  );
}
