// The console's strings join i18next when the console chunk loads, so phones never download them.
import i18n from './index.ts';
import { consoleZhCN } from './console.zh-CN.ts';
import { consoleEn } from './console.en.ts';

let done = false;

export function registerConsoleStrings(): void {
  if (done) return;
  i18n.addResourceBundle('zh-CN', 'translation', consoleZhCN, true, false);
  i18n.addResourceBundle('en', 'translation', consoleEn, true, false);
  done = true;
}
