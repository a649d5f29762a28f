// /console/homecare: home visits for named residents (create, assign, cancel, by status), hospital stays with
// their accompaniment rota (gaps in the next 48 hours in red), and holiday delivery runs built from the special
// groups — by building with progress, volunteers per building, the not-yet-delivered list always in view, and
// closing only with a reason for everyone not reached.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShortDateTime } from '../../../shared/format.ts';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useLabels } from '../../../shared/labels.ts';
import { todayInShanghai } from '../../../../../domain/shared/dates.ts';
import { FESTIVAL_KEYS, festivals } from '../../../../../domain/calendar/calendar.ts';
import { SPECIAL_GROUPS } from '../../../../../domain/registry/special-groups.ts';
import { DEFAULT_RUN_GROUPS, TASK_KINDS, TASK_STATUSES } from '../../../../../domain/homecare/homecare.ts';
import {
  useAddRecipient,
  useAssignBuilding,
  useAssignShift,
  useAssignTask,
  useCancelTask,
  useCloseRun,
  useCompleteShift,
  useCompleteTask,
  useConfirmRecipient,
  useCreateRun,
  useCreateStay,
  useCreateTask,
  useDischarge,
  useGenerateShifts,
  useRemoveRecipient,
  useRun,
  useRuns,
  useShifts,
  useStays,
  useTasks,
  OUTCOMES,
  type RecipientView,
  type RunDetail,
  type RunView,
  type ShiftView,
  type StayView,
  type TaskStatus,
  type TaskView,
} from '../api.ts';
import { ResidentSearch, VolunteerSearch } from './pickers.tsx';

const TASK_COLOR: Record<string, string> = {
  open: 'warning',
  assigned: 'processing',
  done: 'success',
  cancelled: 'default',
};
const RECIPIENT_COLOR: Record<string, string> = {
  pending: 'warning',
  delivered: 'success',
  absent: 'error',
  declined: 'default',
  removed: 'default',
};

// ============================================================================================== tasks

function TasksTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<TaskStatus | undefined>(undefined);
  const [f, setF] = useState({ page: 1, pageSize: 20 });
  const q = useTasks(status, f);
  const [adding, setAdding] = useState(false);
  const [assigning, setAssigning] = useState<TaskView | null>(null);
  const [cancelling, setCancelling] = useState<TaskView | null>(null);
  const [finishing, setFinishing] = useState<TaskView | null>(null);
  const createTask = useCreateTask();
  const assignTask = useAssignTask();
  const completeTask = useCompleteTask();
  const cancelTask = useCancelTask();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('homecare.console.newTask')}
        </Button>
        <label htmlFor="hc-task-status">{t('homecare.console.status')}</label>
        <Select
          id="hc-task-status"
          style={{ width: 140 }}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : (v as TaskStatus));
            setF({ ...f, page: 1 });
          }}
          options={[
            { value: 'all', label: t('homecare.console.all') },
            ...TASK_STATUSES.map((s) => ({ value: s, label: t(`homecare.console.taskStatus.${s}`) })),
          ]}
        />
        <ExportButton path="/api/homecare/tasks/export" query={{ status }} fileName="homecare-tasks.xlsx" />
      </Space>
      <QueryTable<TaskView>
        query={{ ...q, data: q.data?.items }}
        rowKey="id"
        size="small"
        locale={{ emptyText: t('homecare.console.noTasks') }}
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: q.data?.total ?? 0,
          onChange: (page, pageSize) => setF({ page, pageSize }),
        }}
        columns={[
          { title: t('homecare.console.due'), render: (_, x) => `${x.dueOn}${x.dueTime ? ` ${x.dueTime}` : ''}` },
          {
            title: t('homecare.console.resident'),
            render: (_, x) => (
              <>
                {x.residentName}
                <br />
                <Typography.Text type="secondary">{x.address}</Typography.Text>
              </>
            ),
          },
          {
            title: t('homecare.console.tabs.tasks'),
            render: (_, x) => (
              <>
                {t(`homecare.console.kind.${x.kind}`)}
                {x.repeatDays ? ` · ${t('homecare.console.repeatShort', { n: x.repeatDays })}` : ''}
              </>
            ),
          },
          { title: t('homecare.console.volunteer'), render: (_, x) => x.volunteerName ?? '—' },
          {
            title: t('homecare.console.status'),
            render: (_, x) => <Tag color={TASK_COLOR[x.status]}>{t(`homecare.console.taskStatus.${x.status}`)}</Tag>,
          },
          {
            title: t('homecare.console.note'),
            render: (_, x) =>
              [x.note, x.doneNote, x.cancelReason, x.minutes ? `${x.minutes}′` : null].filter(Boolean).join(' · '),
          },
          {
            title: t('homecare.console.actions'),
            render: (_, x) =>
              (x.status === 'open' || x.status === 'assigned') && (
                <Space>
                  <Button size="small" onClick={() => setAssigning(x)}>
                    {t('homecare.console.assign')}
                    <span className="sr-only"> {x.residentName}</span>
                  </Button>
                  {x.status === 'assigned' && (
                    <Button size="small" onClick={() => setFinishing(x)}>
                      {t('homecare.console.markDone')}
                      <span className="sr-only"> {x.residentName}</span>
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => setCancelling(x)}>
                    {t('homecare.console.cancel')}
                    <span className="sr-only"> {x.residentName}</span>
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        open={adding}
        title={t('homecare.console.newTask')}
        onClose={() => setAdding(false)}
        fields={['residentId', 'kind', 'dueOn', 'dueTime', 'volunteerId', 'repeatDays', 'note']}
        successText={t('homecare.console.saved')}
        initialValues={{ kind: 'bathing', dueOn: todayInShanghai() }}
        onSubmit={async (v) => {
          await createTask.mutateAsync({
            residentId: v.residentId,
            kind: v.kind,
            dueOn: v.dueOn,
            dueTime: v.dueTime || null,
            volunteerId: v.volunteerId || null,
            repeatDays: v.repeatDays || null,
            note: v.note || undefined,
          });
        }}
      >
        <Form.Item name="residentId" label={t('homecare.console.resident')} rules={[{ required: true }]}>
          <ResidentSearch />
        </Form.Item>
        <Form.Item name="kind" label={t('homecare.console.tabs.tasks')} rules={[{ required: true }]}>
          <Select options={TASK_KINDS.map((k) => ({ value: k, label: t(`homecare.console.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('homecare.console.due')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="dueTime" label={t('homecare.console.time')}>
          <Input type="time" />
        </Form.Item>
        <Form.Item name="volunteerId" label={t('homecare.console.volunteer')} extra={t('homecare.console.noVolunteer')}>
          <VolunteerSearch />
        </Form.Item>
        <Form.Item name="repeatDays" label={t('homecare.console.repeat')}>
          <InputNumber min={1} max={365} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('homecare.console.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!assigning}
        title={`${t('homecare.console.assignTitle')} · ${assigning?.residentName ?? ''}`}
        onClose={() => setAssigning(null)}
        fields={['volunteerId']}
        successText={t('homecare.console.saved')}
        onSubmit={async (v) => {
          await assignTask.mutateAsync({ id: assigning!.id, volunteerId: v.volunteerId || null });
        }}
      >
        <Form.Item name="volunteerId" label={t('homecare.console.volunteer')}>
          <VolunteerSearch />
        </Form.Item>
      </FormModal>
      {/* When the volunteer cannot record it on the phone, staff record it here: the same hours-ledger entry. */}
      <FormModal
        open={!!finishing}
        title={`${t('homecare.console.doneTitle')} · ${finishing?.residentName ?? ''}`}
        onClose={() => setFinishing(null)}
        fields={['minutes', 'note']}
        successText={t('homecare.console.saved')}
        initialValues={{ minutes: 60 }}
        onSubmit={async (v) => {
          await completeTask.mutateAsync({ id: finishing!.id, minutes: v.minutes, note: v.note || undefined });
        }}
      >
        <Form.Item name="minutes" label={t('homecare.console.minutes')} rules={[{ required: true }]}>
          <InputNumber min={1} max={960} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('homecare.console.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={!!cancelling}
        title={`${t('homecare.console.cancelTitle')} · ${cancelling?.residentName ?? ''}`}
        onClose={() => setCancelling(null)}
        fields={['reason']}
        successText={t('homecare.console.saved')}
        onSubmit={async (v) => {
          await cancelTask.mutateAsync({ id: cancelling!.id, reason: v.reason });
        }}
      >
        <Form.Item name="reason" label={t('homecare.console.reason')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

// ============================================================================================== stays

function Rota({ stay }: { stay: StayView }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatShortDateTime(iso, i18n.language);
  const { message } = App.useApp();
  const q = useShifts(stay.id);
  const [assigning, setAssigning] = useState<ShiftView | null>(null);
  const [discharging, setDischarging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generateShifts = useGenerateShifts(stay.id);
  const completeShift = useCompleteShift();
  const assignShift = useAssignShift();
  const discharge = useDischarge(stay.id);
  const generate = async () => {
    setError(null);
    try {
      const r = await generateShifts.mutateAsync();
      void message.success(t('homecare.console.generated', { n: r.created }));
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const markDone = async (s: ShiftView) => {
    setError(null);
    try {
      await completeShift.mutateAsync(s.id);
      void message.success(t('homecare.console.saved'));
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <Card
      title={[
        t('homecare.console.rota'),
        t('homecare.console.rotaOf', { name: stay.residentName, hospital: stay.hospital }),
      ].join(' · ')}
    >
      <Space style={{ marginBottom: 12 }} wrap>
        {!stay.dischargedOn && <Button onClick={() => void generate()}>{t('homecare.console.generate')}</Button>}
        {!stay.dischargedOn && <Button onClick={() => setDischarging(true)}>{t('homecare.console.discharge')}</Button>}
        {stay.shifts.uncoveredSoon > 0 && (
          <Tag color="error">{t('homecare.console.gaps', { n: stay.shifts.uncoveredSoon })}</Tag>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <QueryTable<ShiftView>
        query={q}
        rowKey="id"
        size="small"
        pagination={{ pageSize: 30 }}
        columns={[
          { title: t('homecare.console.shiftTime'), render: (_, s) => `${when(s.startsAt)} – ${when(s.endsAt)}` },
          {
            title: t('homecare.console.status'),
            render: (_, s) =>
              s.uncoveredSoon ? (
                <Tag color="error">{t('homecare.console.gapSoon')}</Tag>
              ) : (
                <Tag color={TASK_COLOR[s.status]}>{t(`homecare.console.shiftStatus.${s.status}`)}</Tag>
              ),
          },
          { title: t('homecare.console.volunteer'), render: (_, s) => s.volunteerName ?? '—' },
          {
            title: t('homecare.console.actions'),
            render: (_, s) =>
              (s.status === 'open' || s.status === 'assigned') && (
                <Space>
                  <Button size="small" onClick={() => setAssigning(s)}>
                    {t('homecare.console.assign')}
                    <span className="sr-only"> {when(s.startsAt)}</span>
                  </Button>
                  {s.status === 'assigned' && Date.parse(s.startsAt) <= Date.now() && (
                    <Button size="small" onClick={() => void markDone(s)}>
                      {t('homecare.console.markDone')}
                      <span className="sr-only"> {when(s.startsAt)}</span>
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        open={!!assigning}
        title={`${t('homecare.console.assignTitle')} · ${assigning ? when(assigning.startsAt) : ''}`}
        onClose={() => setAssigning(null)}
        fields={['volunteerId']}
        successText={t('homecare.console.saved')}
        onSubmit={async (v) => {
          await assignShift.mutateAsync({ id: assigning!.id, volunteerId: v.volunteerId || null });
        }}
      >
        <Form.Item name="volunteerId" label={t('homecare.console.volunteer')}>
          <VolunteerSearch />
        </Form.Item>
      </FormModal>
      <FormModal
        open={discharging}
        title={t('homecare.console.dischargeTitle')}
        onClose={() => setDischarging(false)}
        fields={['dischargedOn']}
        initialValues={{ dischargedOn: todayInShanghai() }}
        successText={t('homecare.console.saved')}
        onSubmit={async (v) => {
          await discharge.mutateAsync(v.dischargedOn);
        }}
      >
        <Form.Item name="dischargedOn" label={t('homecare.console.dischargedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function StaysTab() {
  const { t } = useTranslation();
  const q = useStays();
  const createStay = useCreateStay();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const stay = q.data?.find((s) => s.id === openId) ?? null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setAdding(true)}>
        {t('homecare.console.newStay')}
      </Button>
      <QueryTable<StayView>
        query={q}
        rowKey="id"
        size="small"
        locale={{ emptyText: t('homecare.console.noStays') }}
        pagination={false}
        columns={[
          { title: t('homecare.console.resident'), dataIndex: 'residentName' },
          { title: t('homecare.console.hospital'), render: (_, s) => `${s.hospital}${s.ward ? ` ${s.ward}` : ''}` },
          { title: t('homecare.console.admittedOn'), dataIndex: 'admittedOn' },
          {
            title: t('homecare.console.expectedDischargeOn'),
            render: (_, s) =>
              s.dischargedOn ? `${t('homecare.console.dischargedOn')} ${s.dischargedOn}` : s.expectedDischargeOn,
          },
          {
            title: t('homecare.console.rota'),
            render: (_, s) => (
              <>
                {t('homecare.console.shiftsFigures', s.shifts)}
                {s.shifts.uncoveredSoon > 0 && (
                  <>
                    {' '}
                    <Tag color="error">{t('homecare.console.gaps', { n: s.shifts.uncoveredSoon })}</Tag>
                  </>
                )}
              </>
            ),
          },
          {
            title: t('homecare.console.actions'),
            render: (_, s) => (
              <Button size="small" onClick={() => setOpenId(s.id)}>
                {t('homecare.console.viewRota')}
                <span className="sr-only"> {s.residentName}</span>
              </Button>
            ),
          },
        ]}
      />
      {stay ? (
        <Rota stay={stay} />
      ) : (
        <Typography.Paragraph type="secondary">{t('homecare.console.pickStay')}</Typography.Paragraph>
      )}
      <FormModal
        open={adding}
        title={t('homecare.console.newStay')}
        onClose={() => setAdding(false)}
        fields={['residentId', 'hospital', 'ward', 'admittedOn', 'expectedDischargeOn', 'note']}
        successText={t('homecare.console.saved')}
        initialValues={{ admittedOn: todayInShanghai() }}
        onSubmit={async (v) => {
          const s = await createStay.mutateAsync({
            residentId: v.residentId,
            hospital: v.hospital,
            ward: v.ward || null,
            admittedOn: v.admittedOn,
            expectedDischargeOn: v.expectedDischargeOn,
            note: v.note || undefined,
          });
          setOpenId(s.id);
        }}
      >
        <Form.Item name="residentId" label={t('homecare.console.resident')} rules={[{ required: true }]}>
          <ResidentSearch />
        </Form.Item>
        <Form.Item name="hospital" label={t('homecare.console.hospital')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="ward" label={t('homecare.console.ward')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="admittedOn" label={t('homecare.console.admittedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="expectedDischargeOn"
          label={t('homecare.console.expectedDischargeOn')}
          rules={[{ required: true }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('homecare.console.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

// =============================================================================================== runs

function figuresText(t: (k: any, o?: any) => string, f: RunView['figures']) {
  return t('homecare.console.figures', f);
}
const reached = (f: RunView['figures']) => f.delivered + f.declined;

function CloseRun({ run, open, onClose }: { run: RunDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const closeRun = useCloseRun(run.id);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await closeRun.mutateAsync(
        Object.entries(reasons)
          .filter(([, r]) => r.trim())
          .map(([residentId, reason]) => ({ residentId, reason: reason.trim() })),
      );
      void message.success(t('homecare.console.closed'));
      onClose();
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  return (
    <Modal
      open={open}
      title={t('homecare.console.closeTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={closeRun.isPending}
      okText={t('homecare.console.close')}
      cancelText={t('console.svc.cancel')}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      {run.outstanding.length === 0 ? (
        <p>{t('homecare.console.closeNone')}</p>
      ) : (
        run.outstanding.map((r) => (
          <Form.Item
            key={r.residentId}
            label={
              `${t('homecare.console.fullDoor', { building: r.building, unit: r.unit, room: r.room })} ${r.name}` +
              `（${t(`homecare.console.recipientStatus.${r.status}`)}）`
            }
            htmlFor={`hc-reason-${r.residentId}`}
            style={{ marginBottom: 8 }}
          >
            <Input
              id={`hc-reason-${r.residentId}`}
              maxLength={200}
              value={reasons[r.residentId] ?? ''}
              onChange={(e) => setReasons({ ...reasons, [r.residentId]: e.target.value })}
            />
          </Form.Item>
        ))
      )}
    </Modal>
  );
}

function BuildingCard({ run, b }: { run: RunDetail; b: RunDetail['buildings'][number] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const assignBuilding = useAssignBuilding(run.id);
  const confirm = useConfirmRecipient(run.id);
  const removeRecipient = useRemoveRecipient(run.id);
  const [deliverers, setDeliverers] = useState<string[]>(b.volunteers.map((v) => v.id));
  const [removing, setRemoving] = useState<RecipientView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isOpen = run.status === 'open';
  const apply = async (save: () => Promise<RunDetail>) => {
    setError(null);
    try {
      await save();
      void message.success(t('homecare.console.confirmed'));
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  const shown = b.recipients;
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <label htmlFor={`hc-dl-${b.building}`}>{t('homecare.console.deliverers')}</label>
        <VolunteerSearch
          id={`hc-dl-${b.building}`}
          multiple
          value={deliverers}
          onChange={setDeliverers}
          initial={b.volunteers}
        />
        {isOpen && (
          <Button
            size="small"
            onClick={() =>
              void apply(() => assignBuilding.mutateAsync({ building: b.building, volunteerIds: deliverers }))
            }
          >
            {t('homecare.console.saveDeliverers')}
            <span className="sr-only"> {b.building}</span>
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
      <Table<RecipientView>
        rowKey="residentId"
        size="small"
        pagination={false}
        dataSource={shown}
        columns={[
          {
            title: t('homecare.console.address'),
            render: (_, r) => t('homecare.console.door', { unit: r.unit, room: r.room }),
          },
          { title: t('homecare.console.resident'), dataIndex: 'name' },
          { title: t('homecare.console.groupsOf'), render: (_, r) => r.groups.map((g) => labels.group(g)).join('、') },
          {
            title: t('homecare.console.status'),
            render: (_, r) => (
              <Tag color={RECIPIENT_COLOR[r.status]}>
                {t(`homecare.console.recipientStatus.${r.status}`)}
                {r.attempts > 1 ? ` · ${t('homecare.console.attempts', { n: r.attempts })}` : ''}
              </Tag>
            ),
          },
          { title: t('homecare.console.confirmedBy'), render: (_, r) => r.confirmedByName ?? '' },
          { title: t('homecare.console.note'), render: (_, r) => [r.note, r.closeReason].filter(Boolean).join(' · ') },
          {
            title: t('homecare.console.actions'),
            render: (_, r) =>
              isOpen &&
              (r.status === 'pending' || r.status === 'absent') && (
                <Space>
                  {OUTCOMES.map((outcome) => (
                    <Button
                      key={outcome}
                      size="small"
                      onClick={() => void apply(() => confirm.mutateAsync({ residentId: r.residentId, outcome }))}
                    >
                      {t(`homecare.console.${outcome}`)}
                      <span className="sr-only"> {r.name}</span>
                    </Button>
                  ))}
                  <Button size="small" danger onClick={() => setRemoving(r)}>
                    {t('homecare.console.remove')}
                    <span className="sr-only"> {r.name}</span>
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        open={!!removing}
        title={`${t('homecare.console.removeTitle')} · ${removing?.name ?? ''}`}
        onClose={() => setRemoving(null)}
        fields={['reason']}
        successText={t('homecare.console.saved')}
        onSubmit={async (v) => {
          await removeRecipient.mutateAsync({ residentId: removing!.residentId, reason: v.reason });
        }}
      >
        <Form.Item name="reason" label={t('homecare.console.reason')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </div>
  );
}

function RunDetailView({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const q = useRun(id);
  const addRecipient = useAddRecipient(id);
  const [closing, setClosing] = useState(false);
  const [adding, setAdding] = useState(false);
  if (q.isPending) return <Card loading />;
  if (q.isError) return <Alert type="error" showIcon title={errorText(q.error, t)} role="alert" />;
  const run = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={onBack}>{t('homecare.console.back')}</Button>
        {run.status === 'open' && <Button onClick={() => setAdding(true)}>{t('homecare.console.addRecipient')}</Button>}
        {run.status === 'open' && (
          <Button type="primary" onClick={() => setClosing(true)}>
            {t('homecare.console.close')}
          </Button>
        )}
      </Space>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {run.title} · {run.runDate} · {run.items}{' '}
        <Tag color={run.status === 'open' ? 'processing' : 'default'}>
          {run.status === 'open' ? t('homecare.console.runOpen') : t('homecare.console.runClosed')}
        </Tag>
      </Typography.Title>
      <p>
        <strong>{figuresText(t, run.figures)}</strong>
      </p>
      <Progress
        percent={run.figures.total ? Math.round((reached(run.figures) / run.figures.total) * 100) : 100}
        aria-label={t('homecare.console.progress')}
      />
      <Card
        size="small"
        title={
          <span role="heading" aria-level={3}>
            {t('homecare.console.outstanding', { n: run.outstanding.length })}
          </span>
        }
      >
        {run.outstanding.length === 0 ? (
          <p>{t('homecare.console.outstandingNone')}</p>
        ) : (
          <div
            style={{ maxHeight: 220, overflow: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={t('homecare.console.outstanding', { n: run.outstanding.length })}
          >
            <ul style={{ columns: 3, margin: 0 }}>
              {run.outstanding.map((r) => (
                <li key={r.residentId}>
                  {t('homecare.console.fullDoor', { building: r.building, unit: r.unit, room: r.room })} {r.name}（
                  {t(`homecare.console.recipientStatus.${r.status}`)}
                  {r.closeReason ? ` · ${r.closeReason}` : ''}）
                </li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('homecare.console.byBuilding')}
      </Typography.Title>
      <Collapse
        items={run.buildings.map((b) => ({
          key: b.building,
          label:
            t('homecare.console.buildingProgress', {
              building: b.building,
              done: reached(b.figures),
              total: b.figures.total,
            }) + (b.volunteers.length ? ` · ${b.volunteers.map((v) => v.name).join('、')}` : ''),
          extra: (
            <Progress
              percent={b.figures.total ? Math.round((reached(b.figures) / b.figures.total) * 100) : 100}
              size="small"
              style={{ width: 140 }}
              aria-label={b.building}
            />
          ),
          children: <BuildingCard run={run} b={b} />,
        }))}
      />
      <CloseRun run={run} open={closing} onClose={() => setClosing(false)} />
      <FormModal
        open={adding}
        title={t('homecare.console.addRecipient')}
        onClose={() => setAdding(false)}
        fields={['residentId', 'reason']}
        successText={t('homecare.console.saved')}
        onSubmit={async (v) => {
          await addRecipient.mutateAsync({ residentId: v.residentId, reason: v.reason });
        }}
      >
        <Form.Item name="residentId" label={t('homecare.console.resident')} rules={[{ required: true }]}>
          <ResidentSearch />
        </Form.Item>
        <Form.Item name="reason" label={t('homecare.console.reason')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

function RunsTab() {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const q = useRuns();
  const createRun = useCreateRun();
  const [adding, setAdding] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const year = Number(todayInShanghai().slice(0, 4));
  const names = new Map(festivals(year).map((f) => [f.key, f.name]));
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  if (openId) return <RunDetailView id={openId} onBack={() => setOpenId(null)} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setAdding(true)}>
        {t('homecare.console.newRun')}
      </Button>
      <QueryTable<RunView>
        query={q}
        rowKey="id"
        size="small"
        locale={{ emptyText: t('homecare.console.noRuns') }}
        pagination={false}
        columns={[
          { title: t('homecare.console.runDate'), dataIndex: 'runDate' },
          { title: t('homecare.console.festival'), dataIndex: 'title' },
          { title: t('homecare.console.items'), dataIndex: 'items' },
          {
            title: t('homecare.console.status'),
            render: (_, r) => (
              <Tag color={r.status === 'open' ? 'processing' : 'default'}>
                {r.status === 'open' ? t('homecare.console.runOpen') : t('homecare.console.runClosed')}
              </Tag>
            ),
          },
          { title: t('homecare.console.progress'), render: (_, r) => figuresText(t, r.figures) },
          {
            title: t('homecare.console.actions'),
            render: (_, r) => (
              <Button size="small" onClick={() => setOpenId(r.id)}>
                {t('homecare.console.open')}
                <span className="sr-only"> {r.title}</span>
              </Button>
            ),
          },
        ]}
      />
      <FormModal
        open={adding}
        title={t('homecare.console.newRun')}
        onClose={() => setAdding(false)}
        fields={['festival', 'year', 'title', 'items', 'groups']}
        successText={t('homecare.console.saved')}
        initialValues={{ festival: 'mid_autumn_festival', year, groups: [...DEFAULT_RUN_GROUPS] }}
        onSubmit={async (v) => {
          const r = await createRun.mutateAsync({
            festival: v.festival,
            year: v.year,
            title: v.title || undefined,
            items: v.items,
            groups: v.groups,
          });
          setOpenId(r.id);
        }}
      >
        <Form.Item name="festival" label={t('homecare.console.festival')} rules={[{ required: true }]}>
          <Select options={FESTIVAL_KEYS.map((k) => ({ value: k, label: names.get(k)?.[lang] ?? k }))} />
        </Form.Item>
        <Form.Item name="year" label={t('homecare.console.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item name="title" label={t('homecare.console.runTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="items" label={t('homecare.console.items')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="groups" label={t('homecare.console.groups')}>
          <Checkbox.Group options={SPECIAL_GROUPS.map((g) => ({ value: g, label: labels.group(g) }))} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

export default function HomecarePage() {
  const { t } = useTranslation();
  return (
    <ConsolePage title={t('homecare.console.title')}>
      <Typography.Paragraph>{t('homecare.console.lead')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'runs', label: t('homecare.console.tabs.runs'), children: <RunsTab /> },
          { key: 'tasks', label: t('homecare.console.tabs.tasks'), children: <TasksTab /> },
          { key: 'stays', label: t('homecare.console.tabs.stays'), children: <StaysTab /> },
        ]}
      />
    </ConsolePage>
  );
}
