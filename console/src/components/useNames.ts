import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldName, type Translate, valueName, workOrderTypeName } from '../lib/names';

/** The names of lib/names.ts in the operator's current language. */
export function useNames() {
  const { t } = useTranslation();
  return useMemo(() => {
    const say: Translate = (key, options) => t(key, options ?? {});
    return {
      workOrderType: (code: string) => workOrderTypeName(say, code),
      field: (field: string) => fieldName(say, field),
      value: (field: string, value: string, entityType?: string) => valueName(say, field, value, entityType),
    };
  }, [t]);
}
