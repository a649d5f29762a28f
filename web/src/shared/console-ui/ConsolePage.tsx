// The head of every console page: breadcrumb, an h1, and the page's actions.
import type { ReactNode } from 'react';
import { Breadcrumb } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export interface Crumb {
  title: string;
  to?: string;
}

export function ConsolePage({
  title,
  crumbs,
  extra,
  children,
}: {
  title: ReactNode;
  crumbs?: Crumb[];
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="cn-stack">
      <div className="cn-page-head">
        <div>
          {crumbs && crumbs.length > 0 && (
            <nav aria-label={t('console.breadcrumb')}>
              <Breadcrumb items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))} />
            </nav>
          )}
          <h1>{title}</h1>
        </div>
        {extra && <div>{extra}</div>}
      </div>
      {children}
    </div>
  );
}
