// 导入: the residents roster import, on the shared three-step Excel import (template, upload, result by row).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../../shared/console-ui/ConsolePage.tsx';
import { ExcelImport } from '../../../../shared/console-ui/ExcelImport.tsx';
import { LinkButton } from '../../../../shared/console-ui/LinkButton.tsx';
import { registryApi } from '../../api/fetchers.ts';
import { useImportRoster } from '../../api/hooks.ts';
import type { ImportResult } from '../../api/types.ts';
import { useFieldLabel } from './fieldLabel.ts';

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
  const run = useImportRoster();
  const fieldLabel = useFieldLabel();
  return (
    <ConsolePage
      title={t('console.menu.import')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.menu.import') }]}
    >
      <ExcelImport
        run={run}
        fieldLabel={fieldLabel}
        templateHint={t('console.import.templateHint')}
        downloadTemplate={() => registryApi.importTemplate(t('console.import.templateFile'))}
        doneText={(r) => countsText(r, t)}
        doneExtra={<LinkButton to="/console/residents">{t('console.import.seeResidents')}</LinkButton>}
      />
    </ConsolePage>
  );
}
