// Runs a download and reports failure with antd's message API.
import type { App } from 'antd';
import type { TFunction } from 'i18next';
import { errorText } from '../api/errorText.ts';

type MessageInstance = ReturnType<typeof App.useApp>['message'];

export async function runDownload(fn: () => Promise<void>, message: MessageInstance, t: TFunction): Promise<void> {
  const key = 'download';
  message.open({ key, type: 'loading', content: t('console.downloading'), duration: 0 });
  try {
    await fn();
    message.open({ key, type: 'success', content: t('console.downloaded') });
  } catch (e) {
    message.open({ key, type: 'error', content: errorText(e, t), duration: 6 });
  }
}
