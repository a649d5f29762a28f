// A console list page of one kind of thing (units, teams): breadcrumb to the dashboard, the title, a lead
// sentence, an Add button for those who may add, then the list in a card.
import type { ReactNode } from 'react';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from './ConsolePage.tsx';

export function ListPage({
  title,
  lead,
  addLabel,
  onAdd,
  above,
  children,
}: {
  title: string;
  lead: ReactNode;
  addLabel?: string;
  /** Omitted when the user may not add. */
  onAdd?: () => void;
  /** Shown between the lead and the card (a load error, a notice). */
  above?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ConsolePage
      title={title}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title }]}
      extra={
        onAdd ? (
          <Button type="primary" onClick={onAdd}>
            {addLabel}
          </Button>
        ) : undefined
      }
    >
      <p>{lead}</p>
      {above}
      <Card>{children}</Card>
    </ConsolePage>
  );
}
