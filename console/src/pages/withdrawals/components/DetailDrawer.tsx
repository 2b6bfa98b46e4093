import { Descriptions, Drawer, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Amount } from '../../../components/Amount';
import { useProblem } from '../../../components/useProblem';
import { formatTime } from '../../../lib/time';
import { getWithdrawal, type WithdrawalDetail } from '../service';
import { RiskCell, WithdrawalBadge } from './common';
import { ProofList } from './ProofList';
import { historyActionText } from '../history';

/** One application: its fields, risk findings, payout orders, cheque prints and the full history as a timeline. */
export function DetailDrawer({ id, onClose }: { id?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [detail, setDetail] = useState<WithdrawalDetail>();
  useEffect(() => {
    setDetail(undefined);
    if (id) getWithdrawal(id).then(setDetail).catch(show);
  }, [id, show]);
  const w = detail?.withdrawal;
  return (
    <Drawer open={!!id} onClose={onClose} width={760} title={w ? `${t('wd.detail')} ${w.serial}` : t('wd.detail')} data-testid="wd-drawer">
      {w && detail && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('wd.serial')}>{w.serial}</Descriptions.Item>
            <Descriptions.Item label={t('wd.status')}>
              <WithdrawalBadge value={w.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.customer')}>
              <Link to={`/customers/${w.customerId}`}>
                {w.customerNo} {w.customerName}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.source')}>{t(`wd.source.${w.source}`, { defaultValue: w.source })}</Descriptions.Item>
            <Descriptions.Item label={t('wd.amount')}>
              {w.currency} <Amount value={w.amount} asset={w.currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.fee')}>
              <Amount value={w.fee} asset={w.currency} />
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.bankCard')} span={2}>
              {w.bankCard.bankName} {w.bankCard.accountNo} ({w.bankCard.holderName})
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.risk')} span={2}>
              <RiskCell w={w} />
            </Descriptions.Item>
            <Descriptions.Item label={t('wd.channel')}>{w.channel ? t(`wd.channel.${w.channel}`) : ''}</Descriptions.Item>
            <Descriptions.Item label={t('wd.bankReference')}>{w.bankReference ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('wd.remark')}>{w.remark ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('wd.reason')}>{w.closeReason ?? w.failureReason ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatTime(w.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('wd.completedAt')}>{formatTime(w.completedAt)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('wd.proofs')}</Typography.Title>
            <ProofList withdrawalId={w.id} proofs={detail.proofs} testId="wd-proofs" />
            {detail.proposedProofs.length > 0 && (
              <>
                <Typography.Text type="warning">{t('wd.proof.proposed', { id: w.pendingEditWorkOrderId })}</Typography.Text>
                <ProofList withdrawalId={w.id} proofs={detail.proposedProofs} testId="wd-proposed-proofs" />
              </>
            )}
          </div>
          {detail.riskFindings.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('wd.riskFindings')}</Typography.Title>
              {detail.riskFindings.map((f) => (
                <div key={f.rule}>
                  <Tag color={f.passed ? 'success' : 'warning'} title={f.rule}>
                    {t(`risk.rule.${f.rule}`, { defaultValue: f.rule })}
                  </Tag>{' '}
                  {/* a passed rule's server text only restates the rule; a failed one says what was found */}
                  {!f.passed && f.message}
                </div>
              ))}
            </div>
          )}
          {detail.payouts.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('wd.payouts')}</Typography.Title>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={detail.payouts}
                columns={[
                  { title: '#', dataIndex: 'attempt' },
                  { title: t('wd.mode'), dataIndex: 'mode', render: (m: string) => t(`wd.payoutMode.${m}`, { defaultValue: m }) },
                  { title: t('wd.channel'), dataIndex: 'channel', render: (c: string) => t(`wd.channel.${c}`, { defaultValue: c }) },
                  { title: t('wd.status'), dataIndex: 'status', render: (st: string) => t(`wd.payoutStatus.${st}`, { defaultValue: st }) },
                  { title: t('wd.bankReference'), dataIndex: 'bankReference' },
                  { title: t('wd.reason'), dataIndex: 'resultReason' },
                  {
                    title: t('wd.workOrder'),
                    dataIndex: 'workOrderId',
                    render: (id?: number) => (id ? <Link to={`/work-orders/${id}`}>#{id}</Link> : ''),
                  },
                ]}
              />
            </div>
          )}
          {detail.chequePrints.length > 0 && (
            <div>
              <Typography.Title level={5}>{t('wd.chequePrints')}</Typography.Title>
              {detail.chequePrints.map((p) => (
                <div key={p.id}>
                  {formatTime(p.printedAt)} · {p.chequeNumber} · {p.reprint ? t('wd.reprint') : t('wd.firstPrint')} · {p.printedBy}
                  {p.reason ? ` · ${p.reason}` : ''}
                </div>
              ))}
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('wd.history')}</Typography.Title>
            <Timeline
              data-testid="wd-history"
              items={detail.history.map((h) => ({
                children: (
                  <div>
                    <b>{historyActionText(h.action, t)}</b> · {h.actor} · {formatTime(h.at)}
                    {h.toStatus && (
                      <div>
                        {h.fromStatus ? t(`wd.status.${h.fromStatus}`, { defaultValue: h.fromStatus }) + ' → ' : ''}
                        {t(`wd.status.${h.toStatus}`, { defaultValue: h.toStatus })}
                      </div>
                    )}
                    {h.workOrderId && <Link to={`/work-orders/${h.workOrderId}`}>{t('wd.workOrder')} #{h.workOrderId}</Link>}
                    {h.remark && <div>{h.remark}</div>}
                  </div>
                ),
              }))}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
