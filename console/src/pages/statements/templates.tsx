import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Amount } from '../../components/Amount';
import { useProblem } from '../../components/useProblem';
import { ApiError, mapProblemToForm } from '../../lib/problem';
import { formatTime } from '../../lib/time';
import { StateTag } from './components/badges';
import { createTemplate, listTemplates, previewTemplate, updateTemplate, type PreviewResult, type Template, type TemplateDefinition } from './service';
import { LoadError } from '../../components/LoadError';
import { useLoad } from '../../components/useLoad';

export const TEMPLATE_FIELDS = [
  'bookingDate',
  'valueDate',
  'amount',
  'debit',
  'credit',
  'direction',
  'currency',
  'reference',
  'counterpartyName',
  'counterpartyAccount',
  'counterpartyBank',
  'description',
] as const;
const DELIMITERS = [',', ';', '\t', '|'];

/** The usual delimiters, and a template's own if it was saved with another (through the API). */
function delimiterOptions(current: unknown, t: (key: string) => string) {
  const all = typeof current === 'string' && current !== '' && !DELIMITERS.includes(current) ? [...DELIMITERS, current] : DELIMITERS;
  return all.map((d) => ({ value: d, label: DELIMITERS.includes(d) ? t(`tp.delimiterName.${d}`) : d }));
}

export const ENCODINGS = ['UTF-8', 'Big5', 'Big5-HKSCS', 'GB18030', 'GBK'] as const;
export const AMOUNT_MODES = ['SIGNED', 'DEBIT_CREDIT', 'DIRECTION_COLUMN'] as const;

/** The editor's flat values: the definition's fields at the top, each column mapping as "columns.<field>". */
type Values = Record<string, string | number | boolean | string[] | undefined> & {
  bankName?: string;
  name?: string;
  active?: boolean;
  fileType?: string;
  encoding?: string;
  delimiter?: string;
  headerRows?: number;
  dateFormat?: string;
  amountMode?: string;
  thousandsSeparator?: string;
  decimalSeparator?: string;
  currency?: string;
  inWords?: string[];
  outWords?: string[];
};

const blank = (s: unknown) => (typeof s === 'string' && s.trim() ? s.trim() : undefined);

function toDefinition(v: Values): TemplateDefinition {
  const columns: Record<string, number> = {};
  for (const f of TEMPLATE_FIELDS) {
    const c = v[`columns.${f}`];
    if (typeof c === 'number') columns[f] = c;
  }
  return {
    fileType: v.fileType,
    encoding: v.encoding,
    delimiter: v.fileType === 'CSV' ? (typeof v.delimiter === 'string' && v.delimiter !== '' ? v.delimiter : undefined) : undefined,
    headerRows: v.headerRows ?? 0,
    columns,
    dateFormat: blank(v.dateFormat),
    amountMode: v.amountMode,
    thousandsSeparator: typeof v.thousandsSeparator === 'string' && v.thousandsSeparator !== '' ? v.thousandsSeparator : undefined,
    decimalSeparator: blank(v.decimalSeparator),
    inWords: v.amountMode === 'DIRECTION_COLUMN' ? v.inWords : undefined,
    outWords: v.amountMode === 'DIRECTION_COLUMN' ? v.outWords : undefined,
    currency: blank(v.currency)?.toUpperCase(),
  };
}

function toValues(t: Template | null): Values {
  const d = t?.definition ?? {};
  const v: Values = {
    bankName: t?.bankName,
    name: t?.name,
    active: t?.active ?? true,
    fileType: d.fileType ?? 'CSV',
    encoding: d.encoding ?? 'UTF-8',
    delimiter: d.delimiter ?? ',',
    headerRows: d.headerRows ?? 1,
    dateFormat: d.dateFormat ?? 'dd/MM/yyyy',
    amountMode: d.amountMode ?? 'SIGNED',
    thousandsSeparator: d.thousandsSeparator ?? ',',
    decimalSeparator: d.decimalSeparator ?? '.',
    currency: d.currency,
    inWords: d.inWords ?? [],
    outWords: d.outWords ?? [],
  };
  for (const f of TEMPLATE_FIELDS) v[`columns.${f}`] = d.columns?.[f];
  return v;
}

/** 帳單範本: the bank templates of the template importer; create or edit one with a preview of an uploaded sample. */
export default function TemplatesPage() {
  const { t } = useTranslation();
  const { show } = useProblem();
  const { message } = App.useApp();
  const list = useLoad(listTemplates, []);
  const rows = list.data ?? [];
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [sample, setSample] = useState<File | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const amountMode = Form.useWatch('amountMode', form);
  const fileType = Form.useWatch('fileType', form);


  const open = (tp: Template | 'new') => {
    setEditing(tp);
    setPreview(null);
    setSample(null);
    form.resetFields();
    form.setFieldsValue(toValues(tp === 'new' ? null : tp));
  };

  /** Server errors name "definition.columns.amount" etc.; the form's fields are the same names without "definition.". */
  const showOnForm = (e: unknown) => {
    if (!(e instanceof ApiError) || !e.problem.errors?.length) return show(e);
    const problem = { ...e.problem, errors: e.problem.errors.map((x) => ({ ...x, field: String(x.field ?? '').replace(/^definition\./, '') })) };
    const names = [...Object.keys(form.getFieldsValue(true) ?? {}), ...TEMPLATE_FIELDS.map((f) => `columns.${f}`)];
    const mapped = mapProblemToForm(problem, names, (k, fb) => t(k, { defaultValue: fb }));
    if (mapped.fields.length) form.setFields(mapped.fields.map((f) => ({ name: f.name[0], errors: f.errors })));
    if (mapped.message) void message.error(mapped.message);
  };

  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const body = { bankName: v.bankName?.trim(), name: v.name?.trim(), active: v.active, definition: toDefinition(v) };
      if (editing === 'new') await createTemplate(body);
      else if (editing) await updateTemplate(editing.id, body);
      void message.success(t('common.saved'));
      setEditing(null);
      void list.reload();
    } catch (e) {
      showOnForm(e);
    } finally {
      setBusy(false);
    }
  };

  const runPreview = async (file: File) => {
    setSample(file);
    setPreview(null);
    try {
      setPreview(await previewTemplate(file, toDefinition(form.getFieldsValue(true))));
    } catch (e) {
      showOnForm(e);
    }
  };

  const width = preview ? Math.max(...preview.rows.map((r) => r.length), 0) : 0;
  if (list.error) return <LoadError error={list.error} retry={list.reload} />;
  return (
    <Card
      title={t('menu.statementTemplates')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="template-new">
          {t('tp.new')}
        </Button>
      }
    >
      <Table<Template>
        data-testid="template-table"
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('tp.bankName'), dataIndex: 'bankName' },
          { title: t('tp.name'), dataIndex: 'name' },
          { title: t('tp.fileType'), render: (_, r) => r.definition.fileType },
          { title: t('tp.encoding'), render: (_, r) => r.definition.encoding },
          { title: t('tp.amountMode'), render: (_, r) => t(`tp.amountModeName.${r.definition.amountMode}`, { defaultValue: r.definition.amountMode ?? '' }) },
          { title: t('tp.version'), dataIndex: 'version', width: 80 },
          { title: t('tp.active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="success">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          { title: t('tp.updatedAt'), dataIndex: 'updatedAt', render: formatTime },
          {
            title: t('common.actions'),
            render: (_, r) => (
              <Button size="small" type="link" onClick={() => open(r)} data-testid={`template-edit-${r.id}`}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={!!editing}
        width={980}
        title={editing === 'new' ? t('tp.new') : t('tp.edit')}
        onClose={() => setEditing(null)}
        extra={
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="template-save">
            {t('action.save')}
          </Button>
        }
      >
        <Form form={form} layout="vertical" data-testid="template-form">
          <Row gutter={16}>
            <Col span={9}>
              <Form.Item name="bankName" label={t('tp.bankName')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input data-testid="template-bank" />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item name="name" label={t('tp.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input data-testid="template-name" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="active" label={t('tp.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="fileType" label={t('tp.fileType')} rules={[{ required: true, message: t('form.required') }]}>
                <Radio.Group options={['CSV', 'XLSX'].map((v) => ({ value: v, label: v }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="encoding" label={t('tp.encoding')} rules={[{ required: true, message: t('form.required') }]}>
                <Select options={ENCODINGS.map((v) => ({ value: v, label: v }))} />
              </Form.Item>
            </Col>
            {fileType === 'CSV' && (
              <Col span={4}>
                <Form.Item name="delimiter" label={t('tp.delimiter')}>
                  {/* a list, not a text box: a Tab cannot be typed into one */}
                  <Select data-testid="tp-delimiter" options={delimiterOptions(form.getFieldValue('delimiter'), t)} />
                </Form.Item>
              </Col>
            )}
            <Col span={4}>
              <Form.Item name="headerRows" label={t('tp.headerRows')} tooltip={t('tp.headerRowsHint')}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="dateFormat" label={t('tp.dateFormat')} tooltip={t('tp.dateFormatHint')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input placeholder="dd/MM/yyyy" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="thousandsSeparator" label={t('tp.thousandsSeparator')}>
                <Input maxLength={1} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="decimalSeparator" label={t('tp.decimalSeparator')}>
                <Input maxLength={1} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="currency" label={t('tp.currency')} tooltip={t('tp.currencyHint')}>
                <Input maxLength={8} placeholder="HKD" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="amountMode" label={t('tp.amountMode')} rules={[{ required: true, message: t('form.required') }]}>
                <Radio.Group options={AMOUNT_MODES.map((m) => ({ value: m, label: t(`tp.amountModeName.${m}`) }))} />
              </Form.Item>
            </Col>
            {amountMode === 'DIRECTION_COLUMN' && (
              <>
                <Col span={12}>
                  <Form.Item name="inWords" label={t('tp.inWords')} tooltip={t('tp.wordsHint')}>
                    <Select mode="tags" tokenSeparators={[',']} placeholder="CR, 存入" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="outWords" label={t('tp.outWords')} tooltip={t('tp.wordsHint')}>
                    <Select mode="tags" tokenSeparators={[',']} placeholder="DR, 支出" />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
          <Divider orientation="left">{t('tp.columns')}</Divider>
          <Typography.Paragraph type="secondary">{t('tp.columnsHint')}</Typography.Paragraph>
          <Row gutter={12}>
            {TEMPLATE_FIELDS.map((f) => (
              <Col span={6} key={f}>
                <Form.Item name={`columns.${f}`} label={t(`tp.field.${f}`)}>
                  <InputNumber min={1} max={500} style={{ width: '100%' }} data-testid={`template-col-${f}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
        <Divider orientation="left">{t('tp.preview')}</Divider>
        <Space style={{ marginBottom: 12 }}>
          <Upload maxCount={1} showUploadList={false} beforeUpload={(f) => { void runPreview(f); return false; }}>
            <Button icon={<UploadOutlined />} data-testid="template-sample">
              {t('tp.sample')}
            </Button>
          </Upload>
          {sample && (
            <>
              <Typography.Text>{sample.name}</Typography.Text>
              <Button size="small" onClick={() => void runPreview(sample)}>
                {t('tp.previewAgain')}
              </Button>
            </>
          )}
        </Space>
        {preview && (
          <div data-testid="template-preview">
            <Typography.Title level={5}>{t('tp.rawRows')}</Typography.Title>
            <Table
              size="small"
              pagination={false}
              scroll={{ x: true }}
              rowKey="key"
              dataSource={preview.rows.map((r, i) => ({ key: i, no: i + 1, cells: r }))}
              onRow={(r) => ({ style: r.no <= (form.getFieldValue('headerRows') ?? 0) ? { color: '#8c8c8c', background: '#fafafa' } : undefined })}
              columns={[
                { title: '#', dataIndex: 'no', width: 50, render: (no: number) => (no <= (form.getFieldValue('headerRows') ?? 0) ? <Tag>{t('tp.header')}</Tag> : no) },
                ...Array.from({ length: width }, (_, c) => ({
                  title: String(c + 1),
                  key: `c${c}`,
                  render: (_: unknown, r: { cells: string[] }) => r.cells[c] ?? '',
                })),
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('tp.parsed')}
            </Typography.Title>
            {preview.parsed.some((p) => p.error) && <Alert type="warning" showIcon message={t('tp.parsedErrors')} style={{ marginBottom: 8 }} />}
            <Table
              size="small"
              pagination={false}
              rowKey={(p, i) => `${p.line}-${i}`}
              dataSource={preview.parsed}
              columns={[
                { title: t('st.import.line'), dataIndex: 'line', width: 70 },
                { title: t('st.bookingDate'), dataIndex: 'bookingDate' },
                { title: t('st.direction'), dataIndex: 'direction', render: (d?: string) => <StateTag kind="direction" value={d} /> },
                { title: t('st.amount'), dataIndex: 'amount', align: 'right', render: (a: string | undefined, p) => a && <Amount value={a} asset={p.currency ?? ''} /> },
                { title: t('field.currency'), dataIndex: 'currency' },
                // the server writes an absent value as the text "null"
                { title: t('st.reference'), dataIndex: 'reference', render: (v?: string) => (v === 'null' ? '' : v) },
                { title: t('st.counterparty'), dataIndex: 'counterpartyName', render: (v?: string) => (v === 'null' ? '' : v) },
                { title: t('st.import.problem'), dataIndex: 'error', render: (e?: string) => e && <Typography.Text type="danger">{e}</Typography.Text> },
              ]}
            />
          </div>
        )}
      </Drawer>
    </Card>
  );
}
