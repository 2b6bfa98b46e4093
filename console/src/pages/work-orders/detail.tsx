import { Alert, type ButtonProps, Button, Card, Descriptions, Form, Input, List, Modal, Space, Steps, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../auth/AuthContext';
import { ChangesTable } from '../../components/ChangesTable';
import { LoadError } from '../../components/LoadError';
import { StatusBadge } from '../../components/StatusBadge';
import { useLoad } from '../../components/useLoad';
import { useNames } from '../../components/useNames';
import { useProblem } from '../../components/useProblem';
import { workOrdersChanged } from '../../layout/workOrderEvents';
import { formatTime } from '../../lib/time';
import { approveWorkOrder, cancelWorkOrder, commentWorkOrder, getWorkOrder, rejectWorkOrder } from './service';
import { SubjectLink } from './SubjectLink';
import { whyNotText } from './whyNot';

type Decide = 'approve' | 'reject';

/** A work order: subject, maker, policy levels and decisions, the proposed change as before/after, and the decision. */
export default function WorkOrderDetailPage() {
  const { t } = useTranslation();
  const names = useNames();
  const { id = '' } = useParams();
  const { me } = useAuth();
  const { show } = useProblem();
  const detail = useLoad(() => getWorkOrder(id), [id]);
  const [deciding, setDeciding] = useState<Decide | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ comment: string }>();
  const [commentForm] = Form.useForm<{ text: string }>();

  if (detail.error) return <LoadError error={detail.error} retry={detail.reload} />;
  const d = detail.data;
  if (!d) return <Card loading />;
  const wo = d.workOrder;
  const reason = whyNotText(d, me, (k, o) => t(k, o ?? {}));

  const decide = async () => {
    let comment = '';
    try {
      comment = (await form.validateFields()).comment ?? '';
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (deciding === 'approve') await approveWorkOrder(wo.id, comment);
      else await rejectWorkOrder(wo.id, comment);
      setDeciding(null);
      workOrdersChanged();
      await detail.reload();
    } catch (e) {
      show(e, form);
    } finally {
      setBusy(false);
    }
  };

  const cancel = () =>
    Modal.confirm({
      title: t('workOrders.cancelConfirm'),
      okText: t('action.confirm'),
      cancelText: t('action.close'),
      onOk: async () => {
        try {
          await cancelWorkOrder(wo.id);
          workOrdersChanged();
          await detail.reload();
        } catch (e) {
          show(e);
        }
      },
    });

  const addComment = async (v: { text: string }) => {
    try {
      await commentWorkOrder(wo.id, v.text);
      commentForm.resetFields();
      await detail.reload();
    } catch (e) {
      show(e, commentForm);
    }
  };

  const buttons = (
    <Space>
      <Button type="primary" disabled={!d.canDecide} onClick={() => { form.resetFields(); setDeciding('approve'); }} data-testid="wo-approve">
        {t('workOrders.approve')}
      </Button>
      <Button danger disabled={!d.canDecide} onClick={() => { form.resetFields(); setDeciding('reject'); }} data-testid="wo-reject">
        {t('workOrders.reject')}
      </Button>
      {d.canCancel && (
        <Button onClick={cancel} data-testid="wo-cancel">
          {t('workOrders.cancel')}
        </Button>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to="/work-orders">{t('menu.workOrders')}</Link>
            <span>/</span>
            <span data-testid="wo-title">{t('workOrders.number', { id: wo.id })}</span>
            <StatusBadge kind="workOrder" value={wo.status} />
          </Space>
        }
        extra={reason ? <Tooltip title={reason}>{buttons}</Tooltip> : buttons}
      >
        {reason && wo.status === 'PENDING' && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('workOrders.cannotDecide')} description={<span data-testid="wo-why-not">{reason}</span>} />
        )}
        <Descriptions column={3} size="small" data-testid="wo-info">
          <Descriptions.Item label={t('workOrders.type')}>{names.workOrderType(wo.type)}</Descriptions.Item>
          <Descriptions.Item label={t('workOrders.subject')}>
            <span data-testid="wo-subject">
              <SubjectLink workOrder={wo} text={wo.subjectLabel || names.entity(wo.subjectType, wo.subjectId)} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('workOrders.maker')}>
            <span data-testid="wo-maker">{wo.maker}</span>
          </Descriptions.Item>
          {d.contributors.length > 0 && (
            <Descriptions.Item label={t('workOrders.contributors')}>
              <span data-testid="wo-contributors">{d.contributors.join(', ')}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('common.createdAt')}>{formatTime(wo.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('workOrders.decidedAt')}>{formatTime(wo.decidedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('field.remark')}>{wo.remark}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('workOrders.levels')} size="small">
        <Steps
          size="small"
          data-testid="wo-levels"
          current={wo.status === 'PENDING' ? wo.currentLevel : wo.levels.length}
          status={wo.status === 'REJECTED' ? 'error' : undefined}
          items={wo.levels.map((perm, i) => {
            const dec = d.decisions.find((x) => x.level === i);
            return {
              title: t('workOrders.levelN', { n: i + 1 }),
              subTitle: t(`perm.${perm}`, { defaultValue: perm }),
              description: dec ? `${dec.operatorName} · ${t(`decision.${dec.decision}`, { defaultValue: dec.decision })} · ${formatTime(dec.at)}` : undefined,
            };
          })}
        />
      </Card>
      <Card title={t('workOrders.changes')} size="small">
        <ChangesTable changes={wo.changes} entityType={wo.subjectType} testId="wo-changes" />
      </Card>
      <Card title={t('workOrders.decisions')} size="small">
        <List
          data-testid="wo-decisions"
          dataSource={d.decisions}
          locale={{ emptyText: t('workOrders.noDecisions') }}
          renderItem={(x) => (
            <List.Item>
              <List.Item.Meta
                title={`${t('workOrders.levelN', { n: x.level + 1 })} · ${x.operatorName} · ${t(`decision.${x.decision}`, { defaultValue: x.decision })}`}
                description={`${formatTime(x.at)}${x.comment ? ` · ${x.comment}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('workOrders.comments')} size="small">
        <List
          dataSource={d.comments}
          locale={{ emptyText: t('workOrders.noComments') }}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta title={`${c.operator} · ${formatTime(c.at)}`} description={<Typography.Text>{c.text}</Typography.Text>} />
            </List.Item>
          )}
        />
        <Form form={commentForm} layout="inline" onFinish={addComment} style={{ marginTop: 8 }}>
          <Form.Item name="text" rules={[{ required: true, whitespace: true, message: t('form.required') }]} style={{ flex: 1 }}>
            <Input placeholder={t('workOrders.commentHint')} />
          </Form.Item>
          <Button htmlType="submit">{t('workOrders.addComment')}</Button>
        </Form>
      </Card>
      <Modal
        open={deciding !== null}
        title={deciding === 'approve' ? t('workOrders.approveTitle') : t('workOrders.rejectTitle')}
        onCancel={() => setDeciding(null)}
        onOk={decide}
        confirmLoading={busy}
        okText={deciding === 'approve' ? t('workOrders.approve') : t('workOrders.reject')}
        okButtonProps={{ danger: deciding === 'reject', 'data-testid': 'wo-decide-confirm' } as ButtonProps}
        cancelText={t('action.close')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="comment"
            label={t('workOrders.comment')}
            rules={deciding === 'reject' ? [{ required: true, whitespace: true, message: t('workOrders.rejectNeedsComment') }] : []}
          >
            <Input.TextArea rows={3} data-testid="wo-decide-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
