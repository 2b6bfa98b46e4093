import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

function ErrorPage({ status, testId, detail }: { status: '403' | '404'; testId: string; detail: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Result
        status={status}
        title={status}
        subTitle={detail}
        extra={
          <Link to="/">
            <Button type="primary">{t('action.home')}</Button>
          </Link>
        }
      />
    </div>
  );
}

/** A page the operator has no permission for, reached by a direct URL. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return <ErrorPage status="403" testId="forbidden" detail={t('forbidden.detail')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <ErrorPage status="404" testId="not-found" detail={t('notFound.detail')} />;
}
