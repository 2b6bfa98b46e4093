import { DownloadOutlined, FilePdfOutlined, FileOutlined } from '@ant-design/icons';
import { Image, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/time';
import { formatSize, isImage, proofUrl, type StoredProof } from '../proofs';

/** Proofs of one application: images as thumbnails that open a preview, other files (PDF) opened in a new tab or saved. */
export function ProofList({ withdrawalId, proofs, testId }: { withdrawalId: number; proofs: StoredProof[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={proofs}
      locale={{ emptyText: t('wd.proof.none') }}
      renderItem={(p) => (
        <List.Item
          data-testid={`wd-proof-${p.id}`}
          actions={[
            <Typography.Link key="download" href={proofUrl(withdrawalId, p.id, true)} data-testid={`wd-proof-download-${p.id}`}>
              <DownloadOutlined /> {t('wd.proof.download')}
            </Typography.Link>,
          ]}
        >
          <Space>
            {isImage(p.contentType) ? (
              <Image width={48} height={48} style={{ objectFit: 'cover' }} src={proofUrl(withdrawalId, p.id)} alt={p.name} />
            ) : (
              <Typography.Link href={proofUrl(withdrawalId, p.id)} target="_blank" rel="noopener noreferrer">
                {p.contentType === 'application/pdf' ? <FilePdfOutlined style={{ fontSize: 32 }} /> : <FileOutlined style={{ fontSize: 32 }} />}
              </Typography.Link>
            )}
            <div>
              <div data-testid={`wd-proof-name-${p.id}`}>{p.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatSize(p.size)} · SHA-256 {p.sha256.slice(0, 12)}…{p.uploadedBy ? ` · ${p.uploadedBy}` : ''}
                {p.createdAt ? ` · ${formatTime(p.createdAt)}` : ''}
              </Typography.Text>
            </div>
          </Space>
        </List.Item>
      )}
    />
  );
}
