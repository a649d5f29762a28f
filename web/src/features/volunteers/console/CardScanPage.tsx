// /console/volunteers/card/:token — what a staff member or team leader sees after scanning a volunteer card.
import { Card, Descriptions, Tag } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryState } from '../../../shared/console-ui/QueryState.tsx';
import { SKILL_BY_CODE } from '../../../../../domain/volunteers/skills.ts';
import { useCard } from '../api.ts';

export default function CardScanPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const q = useCard(token);
  const valid = (ok: boolean) => (
    <Tag color={ok ? 'green' : 'red'}>
      {ok ? t('console.volunteers.cardValid') : t('console.volunteers.cardExpired')}
    </Tag>
  );
  return (
    <ConsolePage title={t('console.volunteers.cardTitle')}>
      <QueryState query={q}>
        {(c) => (
          <Card title={c.name}>
            <Descriptions
              column={1}
              items={[
                { key: 'status', label: t('console.volunteers.status'), children: t(`volunteer.status.${c.status}`) },
                { key: 'age', label: t('console.volunteers.age'), children: c.age },
                {
                  key: 'unit',
                  label: t('console.volunteers.unit'),
                  children: c.unitName ?? t('console.volunteers.none'),
                },
                {
                  key: 'teams',
                  label: t('console.volunteers.teams'),
                  children: c.teams.map((x) => x.name).join('、') || t('console.volunteers.none'),
                },
                {
                  key: 'skills',
                  label: t('console.volunteers.skills'),
                  children:
                    c.skills.map((s) => SKILL_BY_CODE.get(s.code)?.zh ?? s.code).join('、') ||
                    t('console.volunteers.none'),
                },
                {
                  key: 'training',
                  label: t('console.volunteers.training'),
                  children: c.trainings.length
                    ? c.trainings.map((x) => (
                        <div key={x.courseTitle + x.issuedOn}>
                          {x.courseTitle} {valid(x.valid)}
                        </div>
                      ))
                    : t('console.volunteers.none'),
                },
                {
                  key: 'insurance',
                  label: t('console.volunteers.insurance'),
                  children: c.insurance.length
                    ? c.insurance.map((x) => (
                        <div key={x.policyNo}>
                          {x.insurer} {x.endsOn} {valid(x.valid)}
                        </div>
                      ))
                    : t('console.volunteers.none'),
                },
              ]}
            />
          </Card>
        )}
      </QueryState>
    </ConsolePage>
  );
}
