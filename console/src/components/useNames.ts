import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActionName, entityName, entityTypeName, fieldName, type Translate, valueName, workOrderTypeName } from '../lib/names';

/** The names of lib/names.ts in the operator's current language. */
export function useNames() {
  const { t } = useTranslation();
  return useMemo(() => {
    const say: Translate = (key, options) => t(key, options ?? {});
    return {
      workOrderType: (code: string) => workOrderTypeName(say, code),
      auditAction: (code: string) => auditActionName(say, code),
      entityType: (type: string) => entityTypeName(say, type),
      entity: (type: string, id: string) => entityName(say, type, id),
      field: (field: string) => fieldName(say, field),
      value: (field: string, value: string, entityType?: string) => valueName(say, field, value, entityType),
    };
  }, [t]);
}
