// 导出 Excel on a console list: downloads the list's export route with the filters the page shows now.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, type Query } from '../api/client.ts';
import { runDownload } from './download.ts';

export function ExportButton({
  path,
  query,
  fileName,
  label,
}: {
  path: string;
  query?: Query;
  fileName: string;
  /** When a page has more than one export; 导出 Excel otherwise. */
  label?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await runDownload(() => download(path, query, fileName), message, t);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {label ?? t('console.export.button')}
    </Button>
  );
}
