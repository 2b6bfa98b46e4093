import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The amount range of a list's filter form (最低金額 / 最高金額): two inputs named minAmount and maxAmount, so the
 * server's refusals of them land on the fields. What the operator typed goes to the server through amountRange
 * (lib/amount), which accepts amounts grouped as the console shows them ("5,000.50").
 */
export function AmountRangeFields({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="minAmount">
        <Input allowClear placeholder={t('field.minAmount')} style={{ width: 110 }} data-testid={testId && `${testId}-min-amount`} />
      </Form.Item>
      <Form.Item name="maxAmount">
        <Input allowClear placeholder={t('field.maxAmount')} style={{ width: 110 }} data-testid={testId && `${testId}-max-amount`} />
      </Form.Item>
    </>
  );
}
