import { Button, Descriptions, Drawer, Form, Input, List, Space, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../components/useProblem';
import { formatTime } from '../../lib/time';
import { StateTag } from '../statements/components/badges';
import { assignFollowUp, commentFollowUp, getFollowUp, openFollowUp, resolveFollowUp, type FollowUp, type ResultRow } from './service';

/** 跟進: a mismatch's follow-up, opened on first use; assign it, comment, resolve with a reason (all audited). */
export function FollowUpDrawer({ result, onClose, onChanged }: { result: ResultRow | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [followUp, setFollowUp] = useState<FollowUp | null>(null);
  const [busy, setBusy] = useState(false);
  const [assignForm] = Form.useForm<{ assignee?: string }>();
  const [commentForm] = Form.useForm<{ comment?: string }>();
  const [resolveForm] = Form.useForm<{ reason?: string }>();

  useEffect(() => {
    setFollowUp(null);
    if (!result) return;
    (result.followUp ? getFollowUp(result.followUp.id) : openFollowUp(result.id))
      .then((f) => {
        setFollowUp(f);
        assignForm.setFieldsValue({ assignee: f.assignee ?? '' });
        if (!result.followUp) onChanged();
      })
      .catch(show);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const act = async (form: FormInstance<any>, call: () => Promise<FollowUp>) => {
    setBusy(true);
    try {
      const f = await call();
      setFollowUp(f);
      form.resetFields();
      assignForm.setFieldsValue({ assignee: f.assignee ?? '' });
      onChanged();
    } catch (e) {
      show(e, form);
    } finally {
      setBusy(false);
    }
  };

  const resolved = followUp?.status === 'RESOLVED';
  return (
    <Drawer open={!!result} onClose={onClose} width={560} title={t('rc.followUp.title')} data-testid="follow-up-drawer">
      {result && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('rc.result')}>
            <StateTag kind="recon" value={result.result} />
          </Descriptions.Item>
          <Descriptions.Item label={t('rc.reason')}>{result.reason}</Descriptions.Item>
          <Descriptions.Item label={t('rc.record')}>{result.record?.serial ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('rc.status')}>{followUp && <StateTag kind="followUp" value={followUp.status} testId="follow-up-status" />}</Descriptions.Item>
          {followUp?.resolution && <Descriptions.Item label={t('rc.followUp.resolution')}>{followUp.resolution}</Descriptions.Item>}
        </Descriptions>
      )}
      {followUp && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Form form={assignForm} layout="inline" onFinish={(v) => act(assignForm, () => assignFollowUp(followUp.id, v.assignee?.trim() ?? ''))}>
            <Form.Item name="assignee" label={t('rc.followUp.assignee')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
              <Input style={{ width: 220 }} disabled={resolved} data-testid="follow-up-assignee" />
            </Form.Item>
            <Button htmlType="submit" loading={busy} disabled={resolved} data-testid="follow-up-assign">
              {t('rc.followUp.assign')}
            </Button>
          </Form>
          <div>
            <Typography.Title level={5}>{t('rc.followUp.comments')}</Typography.Title>
            <List
              size="small"
              dataSource={followUp.comments}
              locale={{ emptyText: t('common.noData') }}
              renderItem={(c) => (
                <List.Item>
                  <List.Item.Meta title={`${c.by} · ${formatTime(c.at)}`} description={c.text} />
                </List.Item>
              )}
            />
            <Form form={commentForm} onFinish={(v) => act(commentForm, () => commentFollowUp(followUp.id, v.comment?.trim() ?? ''))}>
              <Form.Item name="comment" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="follow-up-comment" />
              </Form.Item>
              <Button htmlType="submit" loading={busy} data-testid="follow-up-comment-submit">
                {t('rc.followUp.comment')}
              </Button>
            </Form>
          </div>
          {!resolved && (
            <Form form={resolveForm} layout="vertical" onFinish={(v) => act(resolveForm, () => resolveFollowUp(followUp.id, v.reason?.trim() ?? ''))}>
              <Form.Item name="reason" label={t('rc.followUp.resolveReason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input.TextArea rows={2} maxLength={1000} data-testid="follow-up-reason" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="follow-up-resolve">
                {t('rc.followUp.resolve')}
              </Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
