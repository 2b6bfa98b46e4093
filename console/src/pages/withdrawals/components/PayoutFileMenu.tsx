import { Dropdown, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../../components/useProblem';
import { downloadPayoutFile, PAYOUT_FILE_FORMATS, type PayoutFileFormat } from '../service';

/**
 * 出款文件 (W-10): the bank's payment file of an approved payout as CSV, XLSX or ISO 20022 pain.001. The file is fetched
 * rather than linked, so when the server refuses (e.g. not approved yet) the operator reads its reason.
 */
export function PayoutFileMenu({ url, testId }: { url: (format: PayoutFileFormat) => string; testId?: string }) {
  const { t } = useTranslation();
  const { show } = useProblem();
  const [busy, setBusy] = useState(false);
  const save = async (format: PayoutFileFormat) => {
    setBusy(true);
    try {
      await downloadPayoutFile(url(format), format);
    } catch (e) {
      show(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      disabled={busy}
      menu={{
        items: PAYOUT_FILE_FORMATS.map((f) => ({
          key: f,
          label: <span data-testid={testId && `${testId}-${f}`}>{t(`wd.format.${f}`)}</span>,
        })),
        onClick: ({ key }) => void save(key as PayoutFileFormat),
      }}
    >
      <a data-testid={testId}>
        {t('wd.payoutFile')} {busy && <Spin size="small" />}
      </a>
    </Dropdown>
  );
}
