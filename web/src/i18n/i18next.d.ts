// Typed translation keys: a key that does not exist in the Chinese resources is a compile error.
import 'i18next';
import type { zhCN } from './zh-CN.ts';
import type { consoleZhCN } from './console.zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN & typeof consoleZhCN };
  }
}
