import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../components/useProblem';
import { getRiskSettings, putRiskSettings, type RiskSettings } from './service';

const DECIMAL = /^\d+(\.\d+)?$/;

/** 系統設置 › 風控設置: thresholds of the withdrawal risk checks (SYSTEM_ADMIN); a stale version is refused (409). */
export default function RiskSettingsPage() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const [form] = Form.useForm<RiskSettings>();
  const [rules, setRules] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const load = useCallback(() => {
    getRiskSettings()
      .then((r) => {
        setRules(r.rules);
        setVersion(r.settings.version);
        form.setFieldsValue(r.settings);
      })
      .catch(show);
  }, [form, show]);
  useEffect(load, [load]);
  const finish = async (v: RiskSettings) => {
    try {
      const r = await putRiskSettings({
        ...v,
        limits: (v.limits ?? []).map((l) => ({ ...l, dailyLimit: l.dailyLimit || null, largeAmount: l.largeAmount || null })),
        blacklistedAccounts: v.blacklistedAccounts ?? [],
        disabledRules: v.disabledRules ?? [],
        version,
      });
      setVersion(r.settings.version);
      form.setFieldsValue(r.settings);
      void message.success(t('common.saved'));
    } catch (e) {
      show(e, form);
    }
  };
  return (
    <Card title={t('risk.title')}>
      <Form form={form} layout="vertical" onFinish={finish} style={{ maxWidth: 720 }}>
        <Form.Item name="maxWithdrawals24h" label={t('risk.maxWithdrawals24h')} rules={[{ required: true, message: t('wd.required') }]}>
          <InputNumber min={0} precision={0} data-testid="risk-max24h" />
        </Form.Item>
        <Form.Item label={t('risk.limits')}>
          <Form.List name="limits">
            {(fields, { add, remove }) => (
              <>
                {fields.length > 0 && (
                  <Space style={{ color: '#888' }}>
                    <span style={{ display: 'inline-block', width: 90 }}>{t('wd.currency')}</span>
                    <span style={{ display: 'inline-block', width: 180 }}>{t('risk.dailyLimit')}</span>
                    <span style={{ display: 'inline-block', width: 180 }}>{t('risk.largeAmount')}</span>
                  </Space>
                )}
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'currency']} rules={[{ required: true, message: t('wd.required') }]}>
                      <Input placeholder={t('wd.currency')} style={{ width: 90 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dailyLimit']} rules={[{ pattern: DECIMAL, message: t('wd.badAmount') }]}>
                      <Input placeholder={t('risk.dailyLimit')} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'largeAmount']} rules={[{ pattern: DECIMAL, message: t('wd.badAmount') }]}>
                      <Input placeholder={t('risk.largeAmount')} style={{ width: 180 }} />
                    </Form.Item>
                    <a onClick={() => remove(f.name)}>{t('wd.delete')}</a>
                  </Space>
                ))}
                <div>
                  <Button onClick={() => add({ currency: '' })}>{t('risk.addLimit')}</Button>
                </div>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="blacklistedAccounts" label={t('risk.blacklistedAccounts')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} />
        </Form.Item>
        <Form.Item name="disabledRules" label={t('risk.disabledRules')}>
          <Checkbox.Group options={rules.map((r) => ({ value: r, label: `${t(`risk.rule.${r}`, { defaultValue: r })} (${r})` }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="risk-save">
          {t('action.save')}
        </Button>
      </Form>
    </Card>
  );
}
