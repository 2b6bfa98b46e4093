import en from './en';
import zhHans from './zh-Hans';
import zhHant from './zh-Hant';
import { AUDIT_MESSAGES } from '../pages/audit/messages';
import STATEMENTS from '../pages/statements/messages';
import { WITHDRAWAL_MESSAGES } from '../pages/withdrawals/messages';

/** The console's languages; Traditional Chinese is the default. */
export const LANGUAGES = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every text of the console by language: the common files of this folder and the pages' own messages. */
export const MESSAGES: Record<Language, Record<string, string>> = {
  'zh-Hant': { ...zhHant, ...STATEMENTS['zh-Hant'], ...WITHDRAWAL_MESSAGES['zh-Hant'], ...AUDIT_MESSAGES['zh-Hant'] },
  'zh-Hans': { ...zhHans, ...STATEMENTS['zh-Hans'], ...WITHDRAWAL_MESSAGES['zh-Hans'], ...AUDIT_MESSAGES['zh-Hans'] },
  en: { ...en, ...STATEMENTS.en, ...WITHDRAWAL_MESSAGES.en, ...AUDIT_MESSAGES.en },
};
