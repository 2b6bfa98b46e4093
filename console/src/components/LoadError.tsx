import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/problem';
import { useProblem } from './useProblem';

/** What a page shows when its data could not be loaded: the reason and a retry, never raw JSON. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  const { text } = useProblem();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403) {
    return (
      <div data-testid="forbidden">
        <Result status="403" title="403" subTitle={t('forbidden.detail')} />
      </div>
    );
  }
  if (status === 404) {
    return (
      <div data-testid="not-found">
        <Result status="404" title="404" subTitle={t('notFound.detail')} />
      </div>
    );
  }
  return (
    <div data-testid="load-error">
      <Result status="warning" title={t('error.load')} subTitle={text(error)} extra={retry && <Button onClick={retry}>{t('action.retry')}</Button>} />
    </div>
  );
}
