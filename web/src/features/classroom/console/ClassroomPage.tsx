// 四点半课堂 (the 4:30 classroom) for staff: today's board (expected, in, collected, alerts; check-in and
// check-out to an authorised adult), the roll (enrol with the guardian's consent; each adult's pickup code is
// shown once, when set or reset), sessions and the tutor rota (a term generated from a weekly pattern; closing
// a session records the tutors' hours), tutors' logs, and the figures per year.
import { useState } from 'react';
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { api } from '../../../shared/api/client.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  classroomApi,
  clockOf,
  useChildren,
  type ChildFilter,
  useFigures,
  useLogs,
  useSessions,
  useToday,
  type Adult,
  type BoardChild,
  type Child,
  type CodeShown,
  type Figures,
  type Session,
} from '../api.ts';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const STATE_COLOR = {
  expected: 'default',
  in: 'processing',
  out: 'success',
  absent: 'warning',
  off: 'default',
} as const;
const WEEKDAYS = ['1', '2', '3', '4', '5'] as const;

/**
 * Approved volunteers, searched by name: several at once, for a weekday of the rota. `known`: those already chosen,
 * so they show by name.
 */
function TutorSelect({
  value,
  onChange,
  id,
  known = [],
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  id?: string;
  known?: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['volunteers', 'pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ id: string; name: string; age: number }> }>(
        '/api/volunteers',
        { q: q || undefined, status: 'approved', pageSize: 20 },
        signal,
      ),
  });
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value ?? []}
      onChange={onChange}
      style={{ minWidth: 320 }}
      placeholder={t('classroom.console.pickTutors')}
      options={[
        ...known.filter((k) => !(list.data?.items ?? []).some((v) => v.id === k.value)),
        ...(list.data?.items ?? []).map((v) => ({ value: v.id, label: v.name })),
      ]}
    />
  );
}

/** The codes, shown this once: the family writes them down, the server keeps only a keyed hash. */
function CodesModal({ codes, onClose }: { codes: CodeShown[] | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={!!codes}
      title={t('classroom.console.codesTitle')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
    >
      <Typography.Paragraph>{t('classroom.console.codesLead')}</Typography.Paragraph>
      <ul aria-label={t('classroom.console.codesTitle')}>
        {(codes ?? []).map((c) => (
          <li key={c.adultId}>
            {c.relation} {c.name}：
            <strong data-testid="pickup-code" style={{ fontSize: '1.4em', letterSpacing: '0.15em' }}>
              {c.code}
            </strong>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

function TodayTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useToday();
  const [outOf, setOutOf] = useState<BoardChild | null>(null);
  const [absentOf, setAbsentOf] = useState<BoardChild | null>(null);
  const [clearing, setClearing] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['classroom'] });
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      void message.success(ok);
      await refresh();
    } catch (err) {
      void message.error(errorText(err, t));
    }
  };
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (q.isPending) return <Table loading dataSource={[]} />;
  const b = q.data;
  if (!b.session) return <Empty description={t('classroom.console.noSession')} />;
  const s = b.session;
  const rows = b.children ?? [];
  const n = (st: BoardChild['state']) => rows.filter((c) => c.state === st).length;
  return (
    <>
      <Descriptions
        size="small"
        column={3}
        items={[
          {
            key: 'd',
            label: t('classroom.console.date'),
            children: `${s.date} ${s.starts}–${s.ends}（${t('classroom.console.expectedBy')} ${s.expectedBy}）`,
          },
          { key: 'p', label: t('classroom.console.place'), children: s.place },
          { key: 'r', label: t('classroom.console.rota'), children: s.rota.map((r) => r.name).join('、') || '—' },
        ]}
      />
      <Space wrap style={{ margin: '12px 0' }}>
        <Statistic title={t('classroom.console.state.expected')} value={n('expected')} />
        <Statistic title={t('classroom.console.state.in')} value={n('in')} />
        <Statistic title={t('classroom.console.state.out')} value={n('out')} />
        <Statistic title={t('classroom.console.state.absent')} value={n('absent')} />
        <Button
          onClick={() =>
            void run(async () => {
              const r = await classroomApi.arrivals(s.id);
              void message.info(t('classroom.console.arrivalsDone', { n: r.raised }));
            }, t('console.saved'))
          }
        >
          {t('classroom.console.checkArrivals')}
        </Button>
      </Space>
      {(b.alerts ?? []).length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={b.alerts}
          style={{ marginBottom: 16 }}
          caption={t('classroom.console.alerts')}
          columns={[
            { title: t('classroom.console.child'), dataIndex: 'childName' },
            { title: t('classroom.console.raisedAt'), render: (_, a) => clockOf(a.raisedAt) },
            {
              title: t('classroom.console.alertState'),
              render: (_, a) =>
                a.clearedAt ? (
                  <span>
                    <Tag color="success">{t('classroom.console.cleared')}</Tag>
                    {a.note}（{a.clearedBy}）
                  </span>
                ) : (
                  <Tag color="error">{t('classroom.console.open')}</Tag>
                ),
            },
            {
              title: t('console.actions'),
              render: (_, a) =>
                !a.clearedAt && (
                  <Button size="small" onClick={() => setClearing(a.id)}>
                    {t('classroom.console.clear')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Table<BoardChild>
        rowKey="id"
        dataSource={rows}
        pagination={false}
        size="small"
        columns={[
          { title: t('classroom.console.child'), dataIndex: 'name' },
          { title: t('classroom.console.grade'), render: (_, c) => `${c.school} ${c.grade}` },
          {
            title: t('classroom.console.status'),
            render: (_, c) => <Tag color={STATE_COLOR[c.state]}>{t(`classroom.console.state.${c.state}`)}</Tag>,
          },
          {
            title: t('classroom.console.in'),
            render: (_, c) =>
              c.checkedInAt ? `${clockOf(c.checkedInAt)} ${c.checkedInBy ?? ''}` : (c.absentNote ?? ''),
          },
          {
            title: t('classroom.console.out'),
            render: (_, c) =>
              c.checkedOutAt
                ? `${clockOf(c.checkedOutAt)} ${c.collectedBy ?? ''}（${
                    c.outMethod === 'phone' ? t('classroom.console.byPhone') : t('classroom.console.byCode')
                  }）`
                : '',
          },
          {
            title: t('console.actions'),
            render: (_, c) => (
              <Space>
                {(c.state === 'expected' || c.state === 'absent' || c.state === 'off') && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() =>
                      void run(
                        () => classroomApi.checkIn(s.id, c.id),
                        t('classroom.console.checkedIn', { name: c.name }),
                      )
                    }
                  >
                    {t('classroom.console.checkIn')}
                    <span className="sr-only"> {c.name}</span>
                  </Button>
                )}
                {(c.state === 'expected' || c.state === 'off') && (
                  <Button size="small" onClick={() => setAbsentOf(c)}>
                    {t('classroom.console.absent')}
                    <span className="sr-only"> {c.name}</span>
                  </Button>
                )}
                {c.state === 'in' && (
                  <Button size="small" type="primary" onClick={() => setOutOf(c)}>
                    {t('classroom.console.checkOut')}
                    <span className="sr-only"> {c.name}</span>
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={!!outOf}
        title={t('classroom.console.checkOutTitle', { name: outOf?.name ?? '' })}
        onClose={() => setOutOf(null)}
        fields={['adultId', 'method', 'value', 'code', 'phone']}
        successText={t('classroom.console.checkedOut')}
        initialValues={{ method: 'code' }}
        onSubmit={async (v) => {
          await classroomApi.checkOut(
            s.id,
            v.method === 'code'
              ? { childId: outOf!.id, adultId: v.adultId, method: 'code', code: String(v.value ?? '').trim() }
              : { childId: outOf!.id, adultId: v.adultId, method: 'phone', phone: String(v.value ?? '').trim() },
          );
          await refresh();
        }}
      >
        <Form.Item
          name="adultId"
          label={t('classroom.console.whichAdult')}
          rules={[{ required: true, message: t('classroom.console.whichAdult') }]}
        >
          <Radio.Group
            options={(outOf?.adults ?? []).map((a) => ({
              value: a.id,
              label: `${a.relation} ${a.name}${a.phone ? `（${a.phone}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="method" label={t('classroom.console.proof')}>
          <Radio.Group
            options={[
              { value: 'code', label: t('classroom.console.byCode') },
              { value: 'phone', label: t('classroom.console.byPhone') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={t('classroom.console.codeOrPhone')}
          rules={[{ required: true, message: t('classroom.console.codeOrPhone') }]}
        >
          <Input autoComplete="off" maxLength={20} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!absentOf}
        title={t('classroom.console.absentTitle', { name: absentOf?.name ?? '' })}
        onClose={() => setAbsentOf(null)}
        fields={['note']}
        successText={t('console.saved')}
        onSubmit={async (v) => {
          await classroomApi.absence(s.id, absentOf!.id, v.note);
          await refresh();
        }}
      >
        <Form.Item
          name="note"
          label={t('classroom.console.absentNote')}
          rules={[{ required: true, message: t('classroom.console.absentNote') }]}
        >
          <Input maxLength={200} placeholder={t('classroom.console.phAbsent')} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!clearing}
        title={t('classroom.console.clear')}
        onClose={() => setClearing(null)}
        fields={['note']}
        successText={t('classroom.console.cleared')}
        onSubmit={async (v) => {
          await classroomApi.clearAlert(clearing!, v.note);
          await refresh();
        }}
      >
        <Form.Item
          name="note"
          label={t('classroom.console.clearNote')}
          rules={[{ required: true, message: t('classroom.console.clearNote') }]}
        >
          <Input maxLength={200} placeholder={t('classroom.console.phClear')} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function AdultsModal({
  child,
  onClose,
  onCodes,
}: {
  child: Child | null;
  onClose: () => void;
  onCodes: (c: CodeShown[]) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ['classroom', 'children'] });
  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
      await refresh();
    } catch (err) {
      void message.error(errorText(err, t));
    }
  };
  return (
    <Modal
      open={!!child}
      width={760}
      title={t('classroom.console.adultsOf', { name: child?.name ?? '' })}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={() => setAdding(true)}>{t('classroom.console.addAdult')}</Button>
          <Button type="primary" onClick={onClose}>
            {t('classroom.console.done')}
          </Button>
        </Space>
      }
    >
      <Table<Adult>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={child?.adults ?? []}
        columns={[
          { title: t('classroom.console.adultName'), render: (_, a) => `${a.relation} ${a.name}` },
          { title: t('classroom.console.phone'), dataIndex: 'phone' },
          {
            title: t('classroom.console.guardian'),
            render: (_, a) => (a.isGuardian ? t('classroom.console.yes') : t('classroom.console.no')),
          },
          {
            title: t('classroom.console.status'),
            render: (_, a) =>
              a.active ? (
                <Tag color="success">{t('classroom.console.active')}</Tag>
              ) : (
                <Tag>{t('classroom.console.inactive')}</Tag>
              ),
          },
          {
            title: t('console.actions'),
            render: (_, a) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    void run(async () => {
                      onCodes([await classroomApi.resetCode(a.id)]);
                    })
                  }
                >
                  {t('classroom.console.resetCode')}
                  <span className="sr-only">
                    {' '}
                    {a.relation} {a.name}
                  </span>
                </Button>
                <Button
                  size="small"
                  danger={a.active}
                  onClick={() => void run(() => classroomApi.setAdultActive(a.id, !a.active))}
                >
                  {a.active ? t('classroom.console.deactivate') : t('classroom.console.reactivate')}
                  <span className="sr-only">
                    {' '}
                    {a.relation} {a.name}
                  </span>
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={adding}
        title={t('classroom.console.addAdult')}
        onClose={() => setAdding(false)}
        fields={['name', 'relation', 'phone', 'isGuardian']}
        successText={t('console.saved')}
        initialValues={{ isGuardian: false }}
        onSubmit={async (v) => {
          onCodes([
            await classroomApi.addAdult(child!.id, {
              name: v.name,
              relation: v.relation,
              phone: v.phone,
              isGuardian: !!v.isGuardian,
            }),
          ]);
          await refresh();
        }}
      >
        <Form.Item name="name" label={t('classroom.console.adultName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="relation" label={t('classroom.console.relation')} rules={[{ required: true }]}>
          <Input maxLength={20} placeholder={t('classroom.console.phGrandma')} />
        </Form.Item>
        <Form.Item name="phone" label={t('classroom.console.phone')} rules={[{ required: true }]}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="isGuardian" valuePropName="checked">
          <Checkbox>{t('classroom.console.isGuardian')}</Checkbox>
        </Form.Item>
      </FormModal>
    </Modal>
  );
}

function ChildrenTab() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<ChildFilter>({ status: 'active', page: 1, pageSize: 20 });
  const list = useChildren(filter);
  const [enrolling, setEnrolling] = useState(false);
  const [adultsOf, setAdultsOf] = useState<string | null>(null);
  const [leaving, setLeaving] = useState<Child | null>(null);
  const [editing, setEditing] = useState<Child | null>(null);
  const [codes, setCodes] = useState<CodeShown[] | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['classroom'] });
  const current = list.data?.items.find((c) => c.id === adultsOf) ?? null;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('classroom.console.status')}
          style={{ width: 160 }}
          value={filter.status ?? ''}
          onChange={(v) => setFilter({ ...filter, status: (v || undefined) as ChildFilter['status'], page: 1 })}
          options={[
            { value: 'active', label: t('classroom.console.enrolled') },
            { value: 'left', label: t('classroom.console.left') },
            { value: '', label: t('classroom.console.all') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('classroom.console.search')}
          aria-label={t('classroom.console.search')}
          style={{ width: 240 }}
          onSearch={(q) => setFilter({ ...filter, q: q || undefined, page: 1 })}
        />
        <Button type="primary" onClick={() => setEnrolling(true)}>
          {t('classroom.console.enrol')}
        </Button>
        <ExportButton
          path="/api/classroom/children/export"
          query={{ status: filter.status, q: filter.q }}
          fileName="classroom-children.xlsx"
        />
      </Space>
      <QueryTable<Child>
        query={{ ...list, data: list.data?.items }}
        rowKey="id"
        size="small"
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
        }}
        columns={[
          { title: t('classroom.console.child'), dataIndex: 'name' },
          { title: t('classroom.console.birthDate'), dataIndex: 'birthDate' },
          { title: t('classroom.console.grade'), render: (_, c) => `${c.school} ${c.grade}` },
          {
            title: t('classroom.console.weekdays'),
            render: (_, c) =>
              c.weekdays
                .split('')
                .map((d) => t(`classroom.console.wd.${d as '1'}`))
                .join(''),
          },
          {
            title: t('classroom.console.enrolledOn'),
            render: (_, c) => (c.leftOn ? `${c.enrolledOn} ~ ${c.leftOn}` : c.enrolledOn),
          },
          { title: t('classroom.console.consent'), render: (_, c) => `${c.consentRelation} ${c.consentBy}` },
          {
            title: t('classroom.console.adults'),
            render: (_, c) =>
              c.adults
                .filter((a) => a.active)
                .map((a) => `${a.relation}${a.name}`)
                .join('、'),
          },
          {
            title: t('console.actions'),
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => setAdultsOf(c.id)}>
                  {t('classroom.console.adults')}
                  <span className="sr-only"> {c.name}</span>
                </Button>
                {c.status === 'active' && (
                  <Button size="small" onClick={() => setEditing(c)}>
                    {t('classroom.console.edit')}
                    <span className="sr-only"> {c.name}</span>
                  </Button>
                )}
                {c.status === 'active' && (
                  <Button size="small" onClick={() => setLeaving(c)}>
                    {t('classroom.console.leave')}
                    <span className="sr-only"> {c.name}</span>
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={enrolling}
        title={t('classroom.console.enrol')}
        onClose={() => setEnrolling(false)}
        successText={t('console.saved')}
        initialValues={{ gender: 'female', weekdays: [...WEEKDAYS], g1relation: '母亲' }}
        fields={[
          'name',
          'gender',
          'birthDate',
          'school',
          'grade',
          'weekdays',
          'enrolledOn',
          'consentBy',
          'consentRelation',
          'adults',
        ]}
        onSubmit={async (v) => {
          const adults = [{ name: v.g1name, relation: v.g1relation, phone: v.g1phone, isGuardian: true }];
          if (v.a2name)
            adults.push({
              name: v.a2name,
              relation: v.a2relation ?? '',
              phone: v.a2phone ?? '',
              isGuardian: !!v.a2guardian,
            });
          const r = await classroomApi.enrol({
            name: v.name,
            gender: v.gender,
            birthDate: day(v.birthDate)!,
            school: v.school,
            grade: v.grade,
            weekdays: [...(v.weekdays as string[])].sort().join(''),
            enrolledOn: day(v.enrolledOn)!,
            consentBy: v.g1name,
            consentRelation: v.g1relation,
            note: null,
            adults,
          });
          setCodes(r.codes);
          await refresh();
        }}
      >
        <Form.Item name="name" label={t('classroom.console.child')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="gender" label={t('classroom.console.gender')}>
          <Radio.Group
            options={[
              { value: 'female', label: t('classroom.console.female') },
              { value: 'male', label: t('classroom.console.male') },
            ]}
          />
        </Form.Item>
        <Form.Item name="birthDate" label={t('classroom.console.birthDate')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="school" label={t('classroom.console.school')} rules={[{ required: true }]}>
          <Input maxLength={60} placeholder={t('classroom.console.phSchool')} />
        </Form.Item>
        <Form.Item name="grade" label={t('classroom.console.gradeOnly')} rules={[{ required: true }]}>
          <Input maxLength={20} placeholder={t('classroom.console.phGrade')} />
        </Form.Item>
        <Form.Item name="weekdays" label={t('classroom.console.weekdays')} rules={[{ required: true }]}>
          <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`classroom.console.wd.${d}`) }))} />
        </Form.Item>
        <Form.Item name="enrolledOn" label={t('classroom.console.enrolledOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('classroom.console.consentHint')}</Typography.Paragraph>
        <Form.Item name="g1name" label={t('classroom.console.guardianName')} rules={[{ required: true }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="g1relation" label={t('classroom.console.relation')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="g1phone" label={t('classroom.console.phone')} rules={[{ required: true }]}>
          <Input maxLength={11} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('classroom.console.secondAdult')}</Typography.Paragraph>
        <Form.Item name="a2name" label={t('classroom.console.adultName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="a2relation" label={t('classroom.console.relation')}>
          <Input maxLength={20} placeholder={t('classroom.console.phGrandpa')} />
        </Form.Item>
        <Form.Item name="a2phone" label={t('classroom.console.phone')}>
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="a2guardian" valuePropName="checked">
          <Checkbox>{t('classroom.console.isGuardian')}</Checkbox>
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!editing}
        title={t('classroom.console.editTitle', { name: editing?.name ?? '' })}
        onClose={() => setEditing(null)}
        fields={['school', 'grade', 'weekdays', 'note']}
        successText={t('console.saved')}
        initialValues={{
          school: editing?.school,
          grade: editing?.grade,
          weekdays: editing?.weekdays.split('') ?? [],
          note: editing?.note ?? '',
        }}
        onSubmit={async (v) => {
          await classroomApi.update(editing!.id, {
            school: v.school,
            grade: v.grade,
            weekdays: [...(v.weekdays as string[])].sort().join(''),
            note: v.note || null,
          });
          await refresh();
        }}
      >
        <Form.Item name="school" label={t('classroom.console.school')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="grade" label={t('classroom.console.gradeOnly')} rules={[{ required: true }]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="weekdays" label={t('classroom.console.weekdays')} rules={[{ required: true }]}>
          <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: t(`classroom.console.wd.${d}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('classroom.console.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!leaving}
        title={t('classroom.console.leaveTitle', { name: leaving?.name ?? '' })}
        onClose={() => setLeaving(null)}
        fields={['leftOn']}
        successText={t('console.saved')}
        onSubmit={async (v) => {
          await classroomApi.leave(leaving!.id, day(v.leftOn)!);
          await refresh();
        }}
      >
        <Form.Item name="leftOn" label={t('classroom.console.leftOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </FormModal>
      <AdultsModal child={current} onClose={() => setAdultsOf(null)} onCodes={setCodes} />
      <CodesModal codes={codes} onClose={() => setCodes(null)} />
    </>
  );
}

function SessionsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useSessions();
  const [term, setTerm] = useState(false);
  const [extra, setExtra] = useState(false);
  const [closing, setClosing] = useState<Session | null>(null);
  const [rotaOf, setRotaOf] = useState<Session | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['classroom'] });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setTerm(true)}>
          {t('classroom.console.term')}
        </Button>
        <Button onClick={() => setExtra(true)}>{t('classroom.console.addSession')}</Button>
      </Space>
      <QueryTable<Session>
        query={{ ...list, data: list.data?.items }}
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('classroom.console.date'), render: (_, s) => `${s.date} ${s.starts}–${s.ends}` },
          { title: t('classroom.console.place'), dataIndex: 'place' },
          {
            title: t('classroom.console.rota'),
            render: (_, s) =>
              s.rota.map((r) => (
                <Tag key={r.volunteerId} color={r.present === null ? 'default' : r.present ? 'success' : 'warning'}>
                  {r.name}
                </Tag>
              )),
          },
          { title: t('classroom.console.attended'), dataIndex: 'attended' },
          {
            title: t('classroom.console.status'),
            render: (_, s) =>
              s.closedAt ? (
                <Tag color="success">{t('classroom.console.closed')}</Tag>
              ) : (
                <Tag>{t('classroom.console.open')}</Tag>
              ),
          },
          {
            title: t('console.actions'),
            render: (_, s) =>
              !s.closedAt && (
                <Space>
                  <Button size="small" onClick={() => setRotaOf(s)}>
                    {t('classroom.console.editRota')}
                    <span className="sr-only"> {s.date}</span>
                  </Button>
                  <Button size="small" onClick={() => setClosing(s)}>
                    {t('classroom.console.close')}
                    <span className="sr-only"> {s.date}</span>
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        open={term}
        title={t('classroom.console.term')}
        onClose={() => setTerm(false)}
        successText={t('console.saved')}
        fields={['from', 'to', 'holidays', 'place', 'starts', 'expectedBy', 'ends', 'rota']}
        initialValues={{ place: '社区四点半课堂教室', starts: '16:30', expectedBy: '16:50', ends: '18:00' }}
        onSubmit={async (v) => {
          const holidays = String(v.holidays ?? '')
            .split(/[\s,，、]+/)
            .filter(Boolean);
          const rota = Object.fromEntries(WEEKDAYS.map((d) => [d, (v[`wd${d}`] as string[] | undefined) ?? []]));
          await classroomApi.term({
            from: day(v.from)!,
            to: day(v.to)!,
            holidays,
            place: v.place,
            starts: v.starts,
            expectedBy: v.expectedBy,
            ends: v.ends,
            rota,
          });
          await refresh();
        }}
      >
        <Form.Item name="from" label={t('classroom.console.from')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="to" label={t('classroom.console.to')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="holidays" label={t('classroom.console.holidays')}>
          <Input placeholder={t('classroom.console.phHolidays')} />
        </Form.Item>
        <Form.Item name="place" label={t('classroom.console.place')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <SessionTimeFields />
        {WEEKDAYS.map((d) => (
          <Form.Item
            key={d}
            name={`wd${d}`}
            label={t('classroom.console.rotaOn', { day: t(`classroom.console.wd.${d}`) })}
          >
            <TutorSelect />
          </Form.Item>
        ))}
      </FormModal>
      <FormModal
        open={extra}
        title={t('classroom.console.addSession')}
        onClose={() => setExtra(false)}
        successText={t('console.saved')}
        fields={['date', 'place', 'starts', 'expectedBy', 'ends', 'volunteerIds']}
        initialValues={{ place: '社区四点半课堂教室', starts: '16:30', expectedBy: '16:50', ends: '18:00' }}
        onSubmit={async (v) => {
          await classroomApi.addSession({
            date: day(v.date)!,
            place: v.place,
            starts: v.starts,
            expectedBy: v.expectedBy,
            ends: v.ends,
            volunteerIds: v.volunteerIds ?? [],
          });
          await refresh();
        }}
      >
        <Form.Item name="date" label={t('classroom.console.date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="place" label={t('classroom.console.place')} rules={[{ required: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <SessionTimeFields />
        <Form.Item name="volunteerIds" label={t('classroom.console.rota')}>
          <TutorSelect />
        </Form.Item>
      </FormModal>
      {/* A tutor who cannot come is taken off that day's rota (and so can no longer open its children's board). */}
      <FormModal
        open={!!rotaOf}
        title={t('classroom.console.editRotaTitle', { date: rotaOf?.date ?? '' })}
        onClose={() => setRotaOf(null)}
        fields={['volunteerIds']}
        successText={t('console.saved')}
        initialValues={{ volunteerIds: rotaOf?.rota.map((r) => r.volunteerId) ?? [] }}
        onSubmit={async (v) => {
          await classroomApi.setRota(rotaOf!.id, v.volunteerIds ?? []);
          await refresh();
        }}
      >
        <Form.Item name="volunteerIds" label={t('classroom.console.rota')}>
          <TutorSelect known={(rotaOf?.rota ?? []).map((r) => ({ value: r.volunteerId, label: r.name }))} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!closing}
        title={t('classroom.console.closeTitle', { date: closing?.date ?? '' })}
        onClose={() => setClosing(null)}
        fields={['presentVolunteerIds']}
        successText={t('console.saved')}
        initialValues={{ present: closing?.rota.map((r) => r.volunteerId) ?? [] }}
        onSubmit={async (v) => {
          const r = await classroomApi.close(closing!.id, v.present ?? []);
          if (r.overlapping.length)
            void message.warning(t('classroom.console.overlapping', { names: r.overlapping.join('、') }));
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">{t('classroom.console.closeHint')}</Typography.Paragraph>
        <Form.Item name="present" label={t('classroom.console.present')}>
          <Checkbox.Group options={(closing?.rota ?? []).map((r) => ({ value: r.volunteerId, label: r.name }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}

function LogsTab() {
  const { t } = useTranslation();
  const list = useLogs();
  return (
    <QueryTable
      query={{ ...list, data: list.data?.items }}
      rowKey="id"
      size="small"
      pagination={{ pageSize: 20 }}
      locale={{ emptyText: t('classroom.console.noLogs') }}
      columns={[
        { title: t('classroom.console.date'), dataIndex: 'date' },
        { title: t('classroom.console.tutor'), dataIndex: 'author' },
        { title: t('classroom.console.child'), render: (_, l) => l.childName ?? t('classroom.console.everyone') },
        { title: t('classroom.console.subject'), dataIndex: 'subject' },
        { title: t('classroom.console.content'), dataIndex: 'content' },
      ]}
    />
  );
}

/** A year's figures as a table row: antd's Table reads a `children` field as tree rows, so it is renamed. */
type YearRow = Omit<Figures['years'][number], 'children'> & { childrenServed: number };
const yearRows = (f: Figures | undefined): YearRow[] =>
  (f?.years ?? []).map(({ children, ...y }) => ({ ...y, childrenServed: children }));

function FiguresTab() {
  const { t } = useTranslation();
  const q = useFigures();
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  const f = q.data;
  return (
    <>
      {f && (
        <Space size="large" wrap style={{ marginBottom: 16 }}>
          <Statistic title={t('classroom.console.fChildren')} value={f.total.children} />
          <Statistic title={t('classroom.console.fFamilies')} value={f.total.families} />
          <Statistic title={t('classroom.console.fSessions')} value={f.total.sessions} />
          <Statistic title={t('classroom.console.fHours')} value={f.total.tutorHours} />
        </Space>
      )}
      <Typography.Paragraph type="secondary">{t('classroom.console.figuresHint')}</Typography.Paragraph>
      <Table<YearRow>
        loading={q.isPending}
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={yearRows(f)}
        columns={[
          { title: t('classroom.console.year'), dataIndex: 'year' },
          { title: t('classroom.console.fChildren'), dataIndex: 'childrenServed' },
          { title: t('classroom.console.fFamilies'), dataIndex: 'families' },
          { title: t('classroom.console.fSessions'), dataIndex: 'sessions' },
          { title: t('classroom.console.fHours'), dataIndex: 'tutorHours' },
        ]}
      />
    </>
  );
}

export default function ClassroomPage() {
  const { t } = useTranslation();
  return (
    <ConsolePage title={t('classroom.console.title')}>
      <Typography.Paragraph>{t('classroom.console.lead')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'today', label: t('classroom.console.tabToday'), children: <TodayTab /> },
          { key: 'children', label: t('classroom.console.tabChildren'), children: <ChildrenTab /> },
          { key: 'sessions', label: t('classroom.console.tabSessions'), children: <SessionsTab /> },
          { key: 'logs', label: t('classroom.console.tabLogs'), children: <LogsTab /> },
          { key: 'figures', label: t('classroom.console.tabFigures'), children: <FiguresTab /> },
        ]}
      />
    </ConsolePage>
  );
}

/** A session's start, expected-by and end times (HH:mm), in the term and the extra-session forms. */
function SessionTimeFields() {
  const { t } = useTranslation();
  return (
    <Space>
      <Form.Item name="starts" label={t('classroom.console.starts')}>
        <Input maxLength={5} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="expectedBy" label={t('classroom.console.expectedBy')}>
        <Input maxLength={5} style={{ width: 80 }} />
      </Form.Item>
      <Form.Item name="ends" label={t('classroom.console.ends')}>
        <Input maxLength={5} style={{ width: 80 }} />
      </Form.Item>
    </Space>
  );
}
