// 培训: courses, sessions (with places and sign-ups), attendance marking that issues certificates, and
// certificates expiring within 30 days.
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ConsolePage } from '../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../shared/console-ui/FormModal.tsx';
import { ExpiringList } from '../../shared/console-ui/ExpiringList.tsx';
import { ExportButton } from '../../shared/console-ui/ExportButton.tsx';
import { AddVolunteerBar } from '../../shared/console-ui/AddVolunteerBar.tsx';
import { errorText } from '../../shared/api/errorText.ts';
import { formatDateTime } from '../../shared/format.ts';
import { can, useCurrentUser } from '../../shared/session/useSession.ts';
import {
  useAttendance,
  useCourses,
  useCreateCourse,
  useCreateSession,
  useExpiringCertificates,
  useMarkAttendance,
  useRegisterAttendee,
  useSessions,
  type Attendee,
  type Certificate,
  type Course,
  type Session,
} from './api.ts';

function CourseForm({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const createCourse = useCreateCourse();
  const submit = (v: Record<string, unknown>) =>
    createCourse.mutateAsync({ ...v, validityMonths: v.validityMonths ?? null });
  return (
    <FormModal
      open={open}
      title={t('console.training.newCourse')}
      onClose={onClose}
      onSubmit={submit}
      fields={['code', 'title', 'validityMonths', 'description']}
      successText={t('console.svc.created')}
    >
      <Form.Item name="code" label={t('console.training.code')} rules={[{ required: true }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="title" label={t('console.training.courseTitle')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="validityMonths"
        label={t('console.training.validity')}
        extra={t('console.training.validityNone')}
      >
        <InputNumber min={1} max={120} />
      </Form.Item>
      <Form.Item name="description" label={t('console.training.description')}>
        <Input.TextArea maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

function SessionForm({ open, onClose, courses }: { open: boolean; onClose: () => void; courses: Course[] }) {
  const { t } = useTranslation();
  const createSession = useCreateSession();
  const submit = async (v: Record<string, unknown>) => {
    const [start, end] = v.time as [Dayjs, Dayjs];
    await createSession.mutateAsync({
      courseId: v.courseId,
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      place: v.place,
      trainer: v.trainer || null,
      capacity: v.capacity ?? null,
    });
  };
  return (
    <FormModal
      open={open}
      title={t('console.training.newSession')}
      onClose={onClose}
      onSubmit={submit}
      fields={['courseId', 'place', 'trainer', 'capacity']}
      successText={t('console.svc.created')}
    >
      <Form.Item name="courseId" label={t('console.training.course')} rules={[{ required: true }]}>
        <Select options={courses.map((c) => ({ value: c.id, label: `${c.title}（${c.code}）` }))} />
      </Form.Item>
      <Form.Item name="time" label={t('console.training.time')} rules={[{ required: true }]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="place" label={t('console.training.place')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="trainer" label={t('console.training.trainer')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="capacity" label={t('console.training.capacity')} extra={t('console.training.unlimited')}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
    </FormModal>
  );
}

function AttendanceDrawer({
  session,
  onClose,
  manage,
}: {
  session: Session | null;
  onClose: () => void;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const q = useAttendance(session?.id ?? null);
  const { message } = App.useApp();
  const statusLabel = (s: Attendee['status']) => t(`console.training.${s}`);
  const register = useRegisterAttendee(session?.id);
  const markAttendance = useMarkAttendance(session?.id);
  const add = async (volunteerId: string) => {
    if (!session) return;
    await register.mutateAsync(volunteerId);
  };
  const mark = async (a: Attendee, status: Attendee['status']) => {
    if (!session) return;
    try {
      const r = await markAttendance.mutateAsync({ volunteerId: a.volunteerId, status });
      if (r.certificate)
        message.success(
          r.certificate.expiresOn
            ? t('console.training.certificateIssued', { date: r.certificate.expiresOn })
            : t('console.training.certificateForever'),
        );
    } catch (err) {
      message.error(errorText(err, t));
    }
  };
  return (
    <Drawer
      open={!!session}
      onClose={onClose}
      size="large"
      title={session ? `${session.courseTitle} · ${t('console.training.attendance')}` : ''}
    >
      {manage && <AddVolunteerBar label={t('console.training.addAttendee')} onAdd={add} />}
      <QueryTable<Attendee>
        query={q}
        rowKey="volunteerId"
        size="small"
        pagination={false}
        locale={{ emptyText: t('console.training.noAttendees') }}
        columns={[
          { title: t('console.svc.volunteer'), dataIndex: 'name' },
          // Status presets take the console theme's colours (≥ 4.5:1); antd's green/red/blue presets fall short.
          {
            title: t('console.training.status'),
            dataIndex: 'status',
            render: (s: Attendee['status']) => (
              <Tag color={s === 'attended' ? 'success' : s === 'absent' ? 'error' : 'processing'}>{statusLabel(s)}</Tag>
            ),
          },
          ...(manage
            ? [
                {
                  title: t('console.actions'),
                  key: 'a',
                  render: (_: unknown, a: Attendee) => (
                    <Space>
                      <Button size="small" disabled={a.status === 'attended'} onClick={() => void mark(a, 'attended')}>
                        {t('console.training.markAttended')}
                      </Button>
                      <Button size="small" disabled={a.status === 'absent'} onClick={() => void mark(a, 'absent')}>
                        {t('console.training.markAbsent')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}

export default function TrainingPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const manage = can(me, 'training.manage');
  const courses = useCourses();
  const [sessionsPage, setSessionsPage] = useState({ page: 1, pageSize: 20 });
  const sessions = useSessions(sessionsPage);
  const [days, setDays] = useState(30);
  const [expiringPage, setExpiringPage] = useState({ page: 1, pageSize: 20 });
  const expiring = useExpiringCertificates(days, expiringPage);
  const [courseOpen, setCourseOpen] = useState(false);
  const [sessionOpen, setSessionOpen] = useState(false);
  const [current, setCurrent] = useState<Session | null>(null);
  return (
    <ConsolePage
      title={t('console.training.title')}
      crumbs={[{ title: t('console.menu.dashboard'), to: '/console' }, { title: t('console.training.title') }]}
    >
      <Tabs
        items={[
          {
            key: 'sessions',
            label: t('console.training.sessions'),
            children: (
              <>
                {manage && (
                  <Button
                    icon={<PlusOutlined />}
                    style={{ marginBottom: 12 }}
                    onClick={() => setSessionOpen(true)}
                    disabled={!courses.data?.length}
                  >
                    {t('console.training.newSession')}
                  </Button>
                )}
                <QueryTable<Session>
                  query={{ ...sessions, data: sessions.data?.items }}
                  rowKey="id"
                  size="small"
                  pagination={{
                    current: sessionsPage.page,
                    pageSize: sessionsPage.pageSize,
                    total: sessions.data?.total ?? 0,
                    onChange: (page, pageSize) => setSessionsPage({ page, pageSize }),
                  }}
                  locale={{ emptyText: t('console.training.noSessions') }}
                  scroll={{ x: 800 }}
                  columns={[
                    { title: t('console.training.course'), dataIndex: 'courseTitle' },
                    {
                      title: t('console.training.startsAt'),
                      dataIndex: 'startsAt',
                      render: (v: string) => formatDateTime(v, i18n.language),
                    },
                    { title: t('console.training.place'), dataIndex: 'place' },
                    {
                      title: t('console.training.trainer'),
                      dataIndex: 'trainer',
                      render: (v: string | null) => v ?? '—',
                    },
                    {
                      title: t('console.training.signedUp'),
                      key: 'n',
                      render: (_: unknown, s: Session) =>
                        `${s.signedUp} / ${s.capacity ?? t('console.training.unlimited')}`,
                    },
                    {
                      title: t('console.actions'),
                      key: 'a',
                      render: (_: unknown, s: Session) => (
                        <Button size="small" onClick={() => setCurrent(s)}>
                          {t('console.training.attendance')}
                        </Button>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'courses',
            label: t('console.training.courses'),
            children: (
              <>
                {manage && (
                  <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setCourseOpen(true)}>
                    {t('console.training.newCourse')}
                  </Button>
                )}
                <QueryTable<Course>
                  query={courses}
                  rowKey="id"
                  size="small"
                  pagination={false}
                  locale={{ emptyText: t('console.training.noCourses') }}
                  columns={[
                    { title: t('console.training.code'), dataIndex: 'code', width: 140 },
                    { title: t('console.training.courseTitle'), dataIndex: 'title' },
                    {
                      title: t('console.training.validity'),
                      dataIndex: 'validityMonths',
                      render: (v: number | null) => v ?? t('console.training.validityNone'),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'expiring',
            label: t('console.training.expiring'),
            children: (
              <ExpiringList<Certificate>
                days={days}
                onDays={(n) => {
                  setDays(n);
                  setExpiringPage({ ...expiringPage, page: 1 });
                }}
                extra={
                  <ExportButton
                    path="/api/training/expiring/export"
                    query={{ days }}
                    fileName="training-expiring.xlsx"
                  />
                }
                query={{ ...expiring, data: expiring.data?.items }}
                rowKey="id"
                pagination={{
                  current: expiringPage.page,
                  pageSize: expiringPage.pageSize,
                  total: expiring.data?.total ?? 0,
                  onChange: (page, pageSize) => setExpiringPage({ page, pageSize }),
                }}
                columns={[
                  { title: t('console.svc.volunteer'), dataIndex: 'volunteerName' },
                  { title: t('console.training.course'), dataIndex: 'courseTitle' },
                  { title: t('console.training.issuedOn'), dataIndex: 'issuedOn' },
                  { title: t('console.training.expiresOn'), dataIndex: 'expiresOn' },
                ]}
              />
            ),
          },
        ]}
      />
      <CourseForm open={courseOpen} onClose={() => setCourseOpen(false)} />
      <SessionForm open={sessionOpen} onClose={() => setSessionOpen(false)} courses={courses.data ?? []} />
      <AttendanceDrawer session={current} onClose={() => setCurrent(null)} manage={manage} />
    </ConsolePage>
  );
}
