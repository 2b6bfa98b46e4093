import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, mapProblemToForm, problemMessage, type Problem } from '../lib/problem';

function asProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return { type: 'client-error' };
}

/**
 * The hook every page uses to show an error: field errors next to the form's fields, the rest as one message.
 * A 401 is left to the session handling (back to login), so it shows nothing here.
 */
export function useProblem() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const translate = useCallback(
    (key: string, fallback: string, args?: Record<string, string>) => t(key, { defaultValue: fallback, ...args }),
    [t],
  );

  const show = useCallback(
    (error: unknown, form?: FormInstance) => {
      if (error instanceof ApiError && error.status === 401) return;
      const problem = asProblem(error);
      if (form) {
        const names = Object.keys(form.getFieldsValue(true) ?? {});
        const mapped = mapProblemToForm(problem, names, translate);
        if (mapped.fields.length) form.setFields(mapped.fields);
        if (mapped.message) void message.error(mapped.message);
      } else {
        void message.error(problemMessage(problem, translate));
      }
    },
    [message, translate],
  );

  const text = useCallback((error: unknown) => problemMessage(asProblem(error), translate), [translate]);
  return { show, text };
}
