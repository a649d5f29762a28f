// The three steps of an Excel import, shared by every import page: download the template, upload a filled
// .xlsx, then see the result or every problem by row (the server imports all rows or none).
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from './QueryState.tsx';
import { runDownload } from './download.ts';
import { errorText } from '../api/errorText.ts';
import { isApiError, type FieldProblem } from '../api/errors.ts';

const MAX_MB = 10;
const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExcelImportProps<R> {
  /** What the template holds and how to fill it in. */
  templateHint: string;
  downloadTemplate: () => Promise<void>;
  /** The upload mutation (a react-query hook of the feature), so the feature decides what to refresh. */
  run: UseMutationResult<R, Error, File>;
  /** The success line, e.g. how many rows went in. */
  doneText: (result: R) => string;
  /** Where to go after a success (a link to the imported list). */
  doneExtra?: ReactNode;
  /** A template column's name for a problem's field path. */
  fieldLabel: (field: string) => string;
}

export function ExcelImport<R>({
  templateHint,
  downloadTemplate,
  run,
  doneText,
  doneExtra,
  fieldLabel,
}: ExcelImportProps<R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);

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
    <>
      <Card>
        <Steps
          current={step - 1}
          items={[
            { title: t('console.import.step1') },
            { title: t('console.import.step2') },
            { title: t('console.import.step3') },
          ]}
        />
      </Card>
      <Card title={t('console.import.step1')}>
        <Typography.Paragraph>{templateHint}</Typography.Paragraph>
        <Button icon={<DownloadOutlined />} onClick={() => void runDownload(downloadTemplate, message, t)}>
          {t('console.import.downloadTemplate')}
        </Button>
      </Card>
      <Card title={t('console.import.step2')}>
        <Upload.Dragger
          accept={XLSX_ACCEPT}
          maxCount={1}
          multiple={false}
          beforeUpload={choose}
          showUploadList={false}
          disabled={run.isPending}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden="true" />
          </p>
          <p className="ant-upload-text">{t('console.import.dropHere')}</p>
          <p className="ant-upload-hint">{t('console.import.dropHint', { mb: MAX_MB })}</p>
        </Upload.Dragger>
        {file && (
          <Space style={{ marginTop: 16 }} wrap>
            <span>{t('console.import.chosen', { name: file.name, kb: Math.ceil(file.size / 1024) })}</span>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              loading={run.isPending}
              onClick={() => run.mutate(file, { onSuccess: () => setFile(null) })}
            >
              {t('console.import.start')}
            </Button>
          </Space>
        )}
      </Card>
      {run.isPending && (
        <Card>
          <Loading label={t('console.import.running')} />
        </Card>
      )}
      {run.isSuccess && (
        <Card>
          <Result status="success" title={t('console.import.done')} subTitle={doneText(run.data)} extra={doneExtra} />
        </Card>
      )}
      {run.isError && <ImportProblems error={run.error} fieldLabel={fieldLabel} />}
    </>
  );
}

/** Why nothing was imported: the server's sentence, then one table row per problem, in sheet-row order. */
export function ImportProblems({ error, fieldLabel }: { error: unknown; fieldLabel: (field: string) => string }) {
  const { t } = useTranslation();
  const problems: FieldProblem[] = isApiError(error)
    ? [...error.fields].sort((a, b) => (a.row ?? 0) - (b.row ?? 0))
    : [];
  return (
    <Card title={t('console.import.failedTitle')}>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={errorText(error, t)}
        description={problems.length ? t('console.import.nothingImported', { count: problems.length }) : undefined}
      />
      {problems.length > 0 && (
        <Table<FieldProblem & { key: number }>
          style={{ marginTop: 16 }}
          size="small"
          dataSource={problems.map((p, i) => ({ ...p, key: i }))}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { title: t('console.import.row'), dataIndex: 'row', width: 90, render: (v?: number) => v ?? '' },
            { title: t('console.import.field'), dataIndex: 'field', width: 180, render: (v: string) => fieldLabel(v) },
            { title: t('console.import.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </Card>
  );
}
