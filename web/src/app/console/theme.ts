// antd theme for the console: a darker primary (#1554ad, 7.2:1 on white) and text colours that keep
// ≥ 4.5:1, since antd's defaults (#1677ff, 45 % black descriptions) fall short.
import type { ThemeConfig } from 'antd';

export const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1554ad',
    colorLink: '#1554ad',
    colorInfo: '#1554ad',
    colorError: '#b3261e',
    colorSuccess: '#1b6535',
    colorWarning: '#8a5300',
    // A dark seed colour makes antd derive murky backgrounds; spell them out.
    colorSuccessBg: '#e7f4ec',
    colorSuccessBorder: '#8cc9a1',
    colorErrorBg: '#fdecea',
    colorErrorBorder: '#eea59f',
    colorWarningBg: '#fff4dc',
    colorWarningBorder: '#e6c27a',
    colorInfoBg: '#e8f0fb',
    colorInfoBorder: '#9dbbe6',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.66)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif",
  },
  components: {
    Layout: { siderBg: '#0e2f5c', headerBg: '#ffffff', bodyBg: '#f2f4f7' },
    Menu: {
      darkItemBg: '#0e2f5c',
      darkSubMenuItemBg: '#0b264b',
      darkItemSelectedBg: '#1554ad',
      darkItemColor: 'rgba(255, 255, 255, 0.88)',
      darkItemHoverColor: '#ffffff',
    },
  },
};

/** The theme, without antd's animations for someone whose system asks for less motion (WCAG 2.3.3). */
export function themeFor(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...consoleTheme, token: { ...consoleTheme.token, motion: false } } : consoleTheme;
}

export const prefersReducedMotion = () =>
  typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
