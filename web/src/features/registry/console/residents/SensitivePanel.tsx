// 查看敏感信息: a deliberate reveal of ID number, health, disability and dibao; the server writes an audit entry.
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../../shared/console-ui/QueryState.tsx';
import { useRevealSensitive } from '../../api/hooks.ts';
import { DibaoValue } from '../parts/Masked.tsx';

export function SensitivePanel({
  residentId,
  hasHealth,
  hasDisability,
}: {
  residentId: string;
  hasHealth: boolean | null;
  hasDisability: boolean | null;
}) {
  const { t } = useTranslation();
  const reveal = useRevealSensitive(residentId);
  const s = reveal.data;
  return (
    <Card
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden="true" /> {t('console.sensitive.title')}
        </span>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Alert
          type="info"
          showIcon
          title={t('console.sensitive.auditNotice')}
          description={t('console.sensitive.auditDetail')}
        />
        {!s && (
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('console.sensitive.has', {
              health: hasHealth ? t('console.sensitive.recorded') : t('console.sensitive.notRecorded'),
              disability: hasDisability ? t('console.sensitive.recorded') : t('console.sensitive.notRecorded'),
            })}
          </Typography.Paragraph>
        )}
        {reveal.isError && <LoadError error={reveal.error} />}
        {s ? (
          <>
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'id', label: t('registry.idNumber'), children: s.idNumber ?? t('common.none') },
                {
                  key: 'health',
                  label: t('registry.healthConditions'),
                  children: s.health?.conditions.length
                    ? s.health.conditions.join(t('common.listSep'))
                    : t('common.none'),
                },
                { key: 'healthNote', label: t('registry.healthNote'), children: s.health?.note || t('common.none') },
                {
                  key: 'disability',
                  label: t('registry.disability'),
                  children: s.disability
                    ? [
                        s.disability.kind,
                        s.disability.grade ? t('registry.gradeN', { grade: s.disability.grade }) : null,
                        s.disability.certificateNo
                          ? t('console.sensitive.certificate', { no: s.disability.certificateNo })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')
                    : t('common.none'),
                },
                { key: 'dibao', label: t('registry.dibao'), children: <DibaoValue value={s.dibao} /> },
              ]}
            />
            <Button icon={<EyeInvisibleOutlined />} onClick={() => reveal.reset()}>
              {t('console.sensitive.hide')}
            </Button>
          </>
        ) : (
          <Button type="primary" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
            {t('console.sensitive.reveal')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
