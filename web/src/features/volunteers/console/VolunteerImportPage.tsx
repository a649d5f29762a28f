// 导入志愿者: the volunteers Excel import on the shared three-step import (template, upload, result by row).
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { ExcelImport } from '../../../shared/console-ui/ExcelImport.tsx';
import { LinkButton } from '../../../shared/console-ui/LinkButton.tsx';
import { useImportVolunteers, volunteersApi } from '../api.ts';

/** The template's column for a problem's field path (e.g. "guardian.phone" → 监护人手机号). */
function useVolunteerFieldLabel() {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    name: t('volunteer.name'),
    gender: t('volunteer.gender'),
    birthDate: t('volunteer.birthDate'),
    phone: t('volunteer.phone'),
    idNumber: t('volunteer.idNumber'),
    fitness: t('volunteer.fitness'),
    politicalStatus: t('volunteer.political'),
    recruitedVia: t('volunteer.recruited'),
    'guardian.name': t('volunteer.guardianName'),
    'guardian.phone': t('volunteer.guardianPhone'),
    'guardian.relation': t('volunteer.guardianRelation'),
    guardian: t('volunteer.guardianName'),
    note: t('console.volunteers.note'),
    unitId: t('console.volunteers.unit'),
    '(file)': t('console.volunteerImport.fileField'),
    '(row)': t('console.volunteerImport.rowField'),
  };
  return (field: string) => labels[field] ?? labels[field.split('.')[0] ?? ''] ?? field;
}

export default function VolunteerImportPage() {
  const { t } = useTranslation();
  const run = useImportVolunteers();
  const fieldLabel = useVolunteerFieldLabel();
  const title = t('console.volunteerImport.title');
  return (
    <ConsolePage
      title={title}
      crumbs={[
        { title: t('console.menu.dashboard'), to: '/console' },
        { title: t('console.volunteers.title'), to: '/console/volunteers' },
        { title },
      ]}
    >
      <ExcelImport
        run={run}
        fieldLabel={fieldLabel}
        templateHint={t('console.volunteerImport.templateHint')}
        downloadTemplate={() => volunteersApi.importTemplate(t('console.volunteerImport.templateFile'))}
        doneText={(r) => t('console.volunteerImport.done', { rows: r.rows, status: t(`volunteer.status.${r.status}`) })}
        doneExtra={<LinkButton to="/console/volunteers">{t('console.volunteerImport.seeVolunteers')}</LinkButton>}
      />
    </ConsolePage>
  );
}
