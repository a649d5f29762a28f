// The console frame: side menu, header with community, user, language switch, phone view and sign-out.
import { Suspense, useState } from 'react';
import { Button, ConfigProvider, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, MenuOutlined, MobileOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useSignOut } from '../../shared/session/useSession.ts';
import { useLanguage } from '../../shared/prefs/useLanguage.ts';
import { useLabels } from '../../shared/labels.ts';
import { groupedMenu, menuKeyOf } from './menu.tsx';
import './console.css';

const { Header, Sider, Content } = Layout;
type MenuItems = NonNullable<MenuProps['items']>;

export function ConsoleLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const { lang, toggle } = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  // Below the lg breakpoint the menu hides behind a real button (antd's own trigger is not a button).
  const [narrow, setNarrow] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  // Entries under headings by the kind of work (registry, volunteers, needs, records, care, system); each role sees
  // only its own entries, and a heading left with none is not shown.
  const items = groupedMenu(me.permissions).flatMap(({ group, items: entries }): MenuItems => {
    const links = entries.map((m) => ({
      key: m.key,
      icon: m.icon,
      label: <Link to={m.path}>{t(`console.menu.${m.labelKey}`)}</Link>,
    }));
    return group
      ? [{ type: 'group' as const, key: `group-${group}`, label: t(`console.menu.groups.${group}`), children: links }]
      : links;
  });

  return (
    <Layout className="cn-root">
      <a className="cn-skip" href="#main">
        {t('a11y.skipToMain')}
      </a>
      <Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={208}
        className="cn-sider"
        trigger={null}
        collapsed={collapsed}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
      >
        <div className="cn-brand">
          <span className="cn-brand__name">{t('app.name')}</span>
          <span className="cn-brand__sub">{me.community.name}</span>
        </div>
        <nav aria-label={t('console.menu.label')} id="console-nav">
          <ConfigProvider theme={{ components: { Menu: { darkGroupTitleColor: 'rgba(255, 255, 255, 0.78)' } } }}>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[menuKeyOf(location.pathname)]}
              items={items}
              onClick={() => {
                if (narrow) setCollapsed(true);
              }}
            />
          </ConfigProvider>
        </nav>
      </Sider>
      <Layout>
        <Header className="cn-header">
          <Space>
            {narrow && (
              <Button
                icon={<MenuOutlined />}
                aria-expanded={!collapsed}
                aria-controls="console-nav"
                onClick={() => setCollapsed((c) => !c)}
              >
                {collapsed ? t('console.menu.open') : t('console.menu.close')}
              </Button>
            )}
            <Typography.Text className="cn-header__title">{t('console.title')}</Typography.Text>
          </Space>
          <Space size="middle" wrap>
            <span className="cn-user">
              {t('console.userLine', {
                name: me.name,
                role: lang === 'zh-CN' && me.title ? me.title : labels.role(me.role),
              })}
            </span>
            <Button onClick={toggle} aria-label={t('lang.switchAria')}>
              <span lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}>{t('lang.switchLabel')}</span>
            </Button>
            <Link to="/m">
              <MobileOutlined /> {t('console.phoneView')}
            </Link>
            <Link to="/console/password">
              <KeyOutlined /> {t('accounts.changeLink')}
            </Link>
            <Button
              icon={<LogoutOutlined />}
              loading={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
            >
              {t('common.signOut')}
            </Button>
          </Space>
        </Header>
        <Content id="main" tabIndex={-1} className="cn-content">
          <Suspense
            fallback={
              <div className="cn-loading">
                <Spin /> <span>{t('common.loading')}</span>
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
