import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblem } from '../../../components/useProblem';
import { PROOF_ACCEPT, PROOF_MAX_COUNT, proofProblem, proofUrl, type StoredProof } from '../proofs';
import { uploadProof } from '../service';

/** Existing proofs as entries of the upload list (the edit modal starts from them). */
export function proofFiles(withdrawalId: number, proofs: StoredProof[]): UploadFile[] {
  return proofs.map((p) => ({ uid: `proof-${p.id}`, name: p.name, status: 'done', response: p, url: proofUrl(withdrawalId, p.id) }));
}

/**
 * The proofs (憑證) field of the withdrawal forms: each file is uploaded as soon as it is chosen and the form sends
 * the ids. Placed in the form by {@link ProofsFormItem}.
 */
export function ProofUpload({ fileList, onChange, testId }: { fileList?: UploadFile[]; onChange?: (e: { fileList: UploadFile[] }) => void; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { text } = useProblem();
  return (
    <div data-testid={testId}>
      <Upload
        fileList={fileList}
        onChange={onChange}
        accept={PROOF_ACCEPT}
        multiple
        maxCount={PROOF_MAX_COUNT}
        beforeUpload={(file) => {
          const problem = proofProblem(file);
          if (problem) {
            void message.error(`${file.name}: ${t(problem)}`);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          uploadProof(file as File)
            .then((stored) => onSuccess?.(stored))
            .catch((e: unknown) => {
              const reason = text(e);
              void message.error(`${(file as File).name}: ${reason}`);
              onError?.(e instanceof Error ? e : new Error(reason), reason);
            });
        }}
      >
        <Button icon={<UploadOutlined />}>{t('wd.proof.choose')}</Button>
      </Upload>
    </div>
  );
}

/** The form item named "proofIds" (so the server's "proofIds[n]" errors land on it), with the type and size hint. */
export function ProofsFormItem({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="proofIds"
      label={t('wd.proofs')}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e?.fileList}
      extra={t('wd.proof.hint', { count: PROOF_MAX_COUNT })}
    >
      <ProofUpload testId={testId} />
    </Form.Item>
  );
}
