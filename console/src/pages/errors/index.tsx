import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A page the operator has no permission for, reached by a direct URL. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('forbidden.detail')}
      data-testid="forbidden"
      extra={
        <Link to="/">
          <Button type="primary">{t('action.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound.detail')}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('action.home')}</Button>
        </Link>
      }
    />
  );
}
