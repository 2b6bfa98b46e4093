import { Button, Space, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';

/** The end of every filter form: search (submits the form) and reset (clears the fields, then the applied filter). */
export function SearchButtons({ form, onReset, testId }: { form: FormInstance; onReset: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button type="primary" htmlType="submit" data-testid={testId}>
        {t('action.search')}
      </Button>
      <Button
        onClick={() => {
          form.resetFields();
          onReset();
        }}
      >
        {t('action.reset')}
      </Button>
    </Space>
  );
}
