// 技能 on the volunteer page: the skills with level and licence; staff with volunteers.write add, change and remove.
import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../shared/api/errorText.ts';
import { useSkillEdits, type VolunteerDetail } from '../../api.ts';
import { SkillFormModal } from './SkillFormModal.tsx';
import { useSkillName } from './skillName.ts';

type Skill = VolunteerDetail['skills'][number];

export function SkillsCard({ volunteer, canEdit }: { volunteer: VolunteerDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const skillName = useSkillName();
  const { remove } = useSkillEdits(volunteer.id);
  // undefined: closed; null: adding; a skill: changing it.
  const [editing, setEditing] = useState<Skill | null | undefined>(undefined);
  const onRemove = (s: Skill) =>
    remove.mutateAsync(s.code).then(
      () => void message.success(t('console.volunteerSkills.removed')),
      (e) => void message.error(errorText(e, t)),
    );

  return (
    <Card
      title={t('console.volunteers.skills')}
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('console.volunteerSkills.add')}
          </Button>
        )
      }
    >
      <Table<Skill>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={volunteer.skills}
        locale={{ emptyText: t('console.volunteerSkills.empty') }}
        columns={[
          { title: t('org.skills.skill'), dataIndex: 'code', render: (c: string) => skillName(c) },
          { title: t('org.skills.level'), dataIndex: 'level', render: (l: string) => t(`org.levels.${l as 'basic'}`) },
          {
            title: t('org.skills.licence'),
            key: 'licence',
            render: (_, s) =>
              s.licenceNo || s.licenceExpiresOn
                ? [
                    s.licenceNo,
                    s.licenceExpiresOn && t('console.volunteerSkills.expires', { date: s.licenceExpiresOn }),
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : '—',
          },
          ...(canEdit
            ? [
                {
                  title: t('console.actions'),
                  key: 'actions',
                  render: (_: unknown, s: Skill) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => setEditing(s)}
                        aria-label={`${t('console.volunteerSkills.edit')} ${skillName(s.code)}`}
                      >
                        {t('console.volunteerSkills.edit')}
                      </Button>
                      <Popconfirm
                        title={t('console.volunteerSkills.removeConfirm', { skill: skillName(s.code) })}
                        okText={t('console.volunteerSkills.remove')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => onRemove(s)}
                      >
                        <Button
                          size="small"
                          danger
                          aria-label={`${t('console.volunteerSkills.remove')} ${skillName(s.code)}`}
                        >
                          {t('console.volunteerSkills.remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && (
        <SkillFormModal volunteer={volunteer} skill={editing} open onClose={() => setEditing(undefined)} />
      )}
    </Card>
  );
}
