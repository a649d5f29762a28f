// 导入: download the template, upload a filled .xlsx, then see the counts or every problem by row.
import { useState } from 'react';
import { Alert, App, Button, Card, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { LinkButton } from '../../../../shared/console-ui/LinkButton.tsx';
import { Loading } from '../../../../shared/console-ui/QueryState.tsx';
import { runDownload } from '../../../../shared/console-ui/download.ts';
import { errorText } from '../../../../shared/api/errorText.ts';
import { isApiError, type FieldProblem } from '../../../../shared/api/errors.ts';
import { registryApi } from '../../api/fetchers.ts';
import { useImportRoster } from '../../api/hooks.ts';
import type { ImportResult } from '../../api/types.ts';
import { useFieldLabel } from './fieldLabel.ts';

const MAX_MB = 10;

function countsText(r: ImportResult, t: TFunction): string {
  const h = typeof r.households === 'number' ? { created: r.households, existing: 0 } : r.households;
  return [
    r.rows !== undefined ? t('console.import.rows', { rows: r.rows }) : '',
    t('console.import.counts', { households: h.created, residents: r.residents }),
    h.existing ? t('console.import.existing', { existing: h.existing }) : '',
  ].join('');
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const run = useImportRoster();
  const fieldLabel = useFieldLabel();
  const problems: FieldProblem[] = isApiError(run.error) ? [...run.error.fields].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) : [];

  function choose(f: File): false {
    run.reset();
    if (!/\.xlsx$/i.test(f.name)) {
      message.error(t('console.import.onlyXlsx'));
      return false;
    }
    if (f.size > MAX_MB * 1024 * 1024) {
      message.error(t('console.import.tooLarge', { mb: MAX_MB }));
      return false;
    }
    setFile(f);
    return false; // we upload ourselves, on "开始导入"
  }

  const step = run.isSuccess ? 3 : file ? 2 : 1;
  return (
    <ConsolePage title={t('console.menu.import')} crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.menu.import') }]}>
      <Card>
        <Steps current={step - 1} items={[
          { title: t('console.import.step1') }, { title: t('console.import.step2') }, { title: t('console.import.step3') },
        ]} />
      </Card>
      <Card title={t('console.import.step1')}>
        <Typography.Paragraph>{t('console.import.templateHint')}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />}
          onClick={() => void runDownload(() => registryApi.importTemplate(t('console.import.templateFile')), message, t)}>
          {t('console.import.downloadTemplate')}
        </Button>
      </Card>
      <Card title={t('console.import.step2')}>
        <Upload.Dragger accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" maxCount={1} multiple={false}
          beforeUpload={choose} showUploadList={false} disabled={run.isPending}>
          <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden="true" /></p>
          <p className="ant-upload-text">{t('console.import.dropHere')}</p>
          <p className="ant-upload-hint">{t('console.import.dropHint', { mb: MAX_MB })}</p>
        </Upload.Dragger>
        {file && (
          <Space style={{ marginTop: 16 }} wrap>
            <span>{t('console.import.chosen', { name: file.name, kb: Math.ceil(file.size / 1024) })}</span>
            <Button type="primary" icon={<UploadOutlined />} loading={run.isPending} onClick={() => run.mutate(file, { onSuccess: () => setFile(null) })}>
              {t('console.import.start')}
            </Button>
          </Space>
        )}
      </Card>
      {run.isPending && <Card><Loading label={t('console.import.running')} /></Card>}
      {run.isSuccess && (
        <Card>
          <Result status="success" title={t('console.import.done')}
            subTitle={countsText(run.data, t)}
            extra={<LinkButton to="/console/residents">{t('console.import.seeResidents')}</LinkButton>} />
        </Card>
      )}
      {run.isError && (
        <Card title={t('console.import.failedTitle')}>
          <Alert type="error" showIcon role="alert" title={errorText(run.error, t)}
            description={problems.length ? t('console.import.nothingImported', { count: problems.length }) : undefined} />
          {problems.length > 0 && (
            <Table<FieldProblem & { key: number }> style={{ marginTop: 16 }} size="small"
              dataSource={problems.map((p, i) => ({ ...p, key: i }))}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              columns={[
                { title: t('console.import.row'), dataIndex: 'row', width: 90, render: (v?: number) => v ?? '' },
                { title: t('console.import.field'), dataIndex: 'field', width: 180, render: (v: string) => fieldLabel(v) },
                { title: t('console.import.problem'), dataIndex: 'message' },
              ]} />
          )}
        </Card>
      )}
    </ConsolePage>
  );
}
