import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Translate, workOrderTypeName } from '../lib/names';

/** The names of lib/names.ts in the operator's current language. */
export function useNames() {
  const { t } = useTranslation();
  return useMemo(() => {
    const say: Translate = (key, options) => t(key, options ?? {});
    return {
      workOrderType: (code: string) => workOrderTypeName(say, code),
    };
  }, [t]);
}
