// One activity: its shifts, the sign-ups with the waitlist and attendance (mark in/out, present, withdraw),
// a group sign-up, the volunteer-card scan, the check-in screen link, the residents served and a performance's
// programme.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ConsolePage } from '../../../shared/console-ui/ConsolePage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { ExportButton } from '../../../shared/console-ui/ExportButton.tsx';
import { ConfirmButton } from '../../../shared/console-ui/ConfirmButton.tsx';
import { VolunteerPicker } from '../../../shared/console-ui/VolunteerPicker.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import {
  useActivity,
  useCancelActivity,
  useCompanionChoices,
  useCardAttendance,
  useMarkAttendance,
  usePublishActivity,
  useSaveProgramme,
  useSeries,
  useSignUpGroup,
  useSignups,
  useWithdrawSignup,
  type ActivityDetail,
  type CompanionRef,
  type Signup,
} from '../api.ts';
import { ServedResidents } from './ServedResidents.tsx';
import { EditActivity } from './EditActivity.tsx';
import { CopyActivity } from './CopyActivity.tsx';
import { shanghaiTime } from '../../../../../domain/shared/dates.ts';
import { describeRule } from '../../../../../domain/activities/recurrence-words.ts';

/** Says how a save went: the success text if there is one, or what went wrong. The save refreshes the lists. */
function useSay() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (save: Promise<unknown>, ok?: string) => {
    try {
      await save;
      if (ok) void message.success(ok);
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
}

function GroupSignup({ a }: { a: ActivityDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const signUp = useSignUpGroup(a.id);
  const [shiftId, setShiftId] = useState<string | undefined>(a.shifts[0]?.id);
  const [picked, setPicked] = useState<string[]>([]);
  const [one, setOne] = useState<string | null>(null);
  // 小小志愿者: a minor's accompanying adult, picked per volunteer as they are added.
  const [companion, setCompanion] = useState<string | undefined>();
  const [companions, setCompanions] = useState<Record<string, CompanionRef>>({});
  const choices = useCompanionChoices(a.id, shiftId, a.juniorVolunteers ? one : null);
  const submit = async () => {
    try {
      const r = await signUp.mutateAsync({
        shiftId: shiftId!,
        volunteerIds: picked,
        companions: picked.filter((v) => companions[v]).map((v) => ({ volunteerId: v, companion: companions[v]! })),
      });
      void message.success(
        t('act.signedUp', {
          ok: r.filter((x) => x.status === 'confirmed').length,
          wait: r.filter((x) => x.status === 'waitlisted').length,
        }),
      );
      setPicked([]);
      setCompanions({});
    } catch (e) {
      void message.error(errorText(e, t));
    }
  };
  return (
    <Card size="small" title={t('act.detail.group')}>
      <Space wrap>
        <Select
          aria-label={t('act.f.shift')}
          style={{ minWidth: 160 }}
          value={shiftId}
          onChange={setShiftId}
          options={a.shifts.map((s) => ({ value: s.id, label: `${s.name} ${s.start}–${s.end}` }))}
        />
        <VolunteerPicker value={one} onChange={setOne} />
        {a.juniorVolunteers && one && (
          <Select
            aria-label={t('act.junior.companion')}
            placeholder={t('act.junior.companionHint')}
            allowClear
            style={{ minWidth: 200 }}
            value={companion}
            onChange={setCompanion}
            loading={choices.isLoading}
            options={(choices.data ?? []).map((c) => ({
              value: `${c.kind}:${c.id}`,
              label: `${c.name}（${t(`act.junior.kind.${c.kind}`)}）`,
            }))}
          />
        )}
        <Button
          disabled={!one}
          onClick={() => {
            if (one && !picked.includes(one)) setPicked([...picked, one]);
            if (one && companion) {
              const [kind, id] = companion.split(':') as [CompanionRef['kind'], string];
              setCompanions({ ...companions, [one]: { kind, id } });
            }
            setOne(null);
            setCompanion(undefined);
          }}
        >
          {t('act.addToList')}
        </Button>
        <Button type="primary" disabled={!picked.length || !shiftId} onClick={() => void submit()}>
          {t('act.signUp')} ({picked.length})
        </Button>
      </Space>
    </Card>
  );
}

function CardScan({ a }: { a: ActivityDetail }) {
  const { t } = useTranslation();
  const say = useSay();
  const card = useCardAttendance(a.id);
  const [token, setToken] = useState('');
  // A scanner types the card's address or token followed by Enter; the token is the last path segment.
  const tokenOf = (s: string) => s.trim().split('/').filter(Boolean).pop() ?? '';
  const go = (action: 'in' | 'out') =>
    say(
      card.mutateAsync({ cardToken: tokenOf(token), action }).then(() => setToken('')),
      t('act.saved'),
    );
  return (
    <Card size="small" title={t('act.detail.card')}>
      <Space wrap>
        <Input
          aria-label={t('act.cardToken')}
          placeholder={t('act.cardToken')}
          style={{ width: 320 }}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          onPressEnter={() => void go('in')}
        />
        <Button onClick={() => void go('in')} disabled={!token}>
          {t('act.cardIn')}
        </Button>
        <Button onClick={() => void go('out')} disabled={!token}>
          {t('act.cardOut')}
        </Button>
      </Space>
    </Card>
  );
}

function Programme({ a }: { a: ActivityDetail }) {
  const { t } = useTranslation();
  const say = useSay();
  const save = useSaveProgramme(a.id);
  const [form] = Form.useForm<{ items: ActivityDetail['programme']; audienceCount: number | null }>();
  return (
    <Card size="small" title={t('act.detail.programme')}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ items: a.programme, audienceCount: a.audienceCount }}
        onFinish={(v) =>
          void say(save.mutateAsync({ items: v.items ?? [], audienceCount: v.audienceCount ?? null }), t('act.saved'))
        }
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Space key={f.key} wrap>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}>
                    <Input aria-label={`${t('act.programme.item')} ${i + 1}`} placeholder={t('act.programme.item')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'genre']} rules={[{ required: true }]}>
                    <Input
                      aria-label={`${t('act.programme.genre')} ${i + 1}`}
                      placeholder={t('act.programme.genre')}
                      style={{ width: 100 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'performers']} rules={[{ required: true }]}>
                    <Input
                      aria-label={`${t('act.programme.performers')} ${i + 1}`}
                      placeholder={t('act.programme.performers')}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('act.removeShift')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ title: '', genre: '', performers: '' })}>{t('act.programme.add')}</Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="audienceCount" label={t('act.programme.audience')}>
          <InputNumber min={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('act.programme.save')}
        </Button>
      </Form>
    </Card>
  );
}

export default function ActivityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const say = useSay();
  const publish = usePublishActivity();
  const cancel = useCancelActivity();
  const mark = useMarkAttendance(id);
  const withdraw = useWithdrawSignup();
  const q = useActivity(id);
  const signups = useSignups(id);
  // Filters of the sign-up list; the export takes the same ones.
  const [signupStatus, setSignupStatus] = useState<Signup['status'] | ''>('');
  const [attended, setAttended] = useState<'yes' | 'no' | ''>('');
  const shownSignups = {
    ...signups,
    data: signups.data?.filter(
      (s) =>
        (!signupStatus || s.status === signupStatus) &&
        (!attended || (attended === 'yes') === (s.checkedInAt !== null)),
    ),
  };
  const a = q.data;
  const [dialog, setDialog] = useState<'edit' | 'copy' | null>(null);
  const { i18n } = useTranslation();
  const series = useSeries().data?.find((x) => x.id === a?.seriesId);
  const time = (iso: string | null) => (iso ? shanghaiTime(iso) : '—');
  return (
    <ConsolePage
      title={a?.title ?? t('act.title')}
      crumbs={[{ title: t('act.title'), to: '/console/activities' }, { title: a?.title ?? '' }]}
      extra={
        a && (
          <Space wrap>
            {a.youRun && a.status !== 'cancelled' && (
              <Button onClick={() => setDialog('edit')}>{t('act.edit.open')}</Button>
            )}
            {a.youRun && <Button onClick={() => setDialog('copy')}>{t('act.copy.open')}</Button>}
            {a.youRun && a.status === 'draft' && (
              <Button type="primary" onClick={() => void say(publish.mutateAsync(a.id), t('act.published'))}>
                {t('act.publish')}
              </Button>
            )}
            {a.youRun && a.status === 'published' && (
              <Link to={`/console/activities/${a.id}/screen`}>
                <Button type="primary">{t('act.detail.open')}</Button>
              </Link>
            )}
            {a.status === 'published' && (
              <Link to={`/m/activities/checkin/${a.id}`}>
                <Button>{t('act.detail.phoneScan')}</Button>
              </Link>
            )}
            {a.youRun && a.status === 'published' && (
              <Link to={`/console/activities/${a.id}/kiosk`}>
                <Button>{t('act.kiosk.open')}</Button>
              </Link>
            )}
            {a.youRun && a.status !== 'cancelled' && (
              <ConfirmButton
                label={t('act.cancelActivity')}
                confirm={t('act.cancelConfirm', { title: a.title })}
                onConfirm={() => say(cancel.mutateAsync(a.id))}
              />
            )}
          </Space>
        )
      }
    >
      {a && (
        <>
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 's', label: t('act.f.status'), children: <Tag>{t(`act.status.${a.status}`)}</Tag> },
              {
                key: 'k',
                label: t('act.f.kind'),
                children: (
                  <>
                    {t(`act.kinds.${a.kind}`)}
                    {a.juniorVolunteers && <Tag style={{ marginInlineStart: 8 }}>{t('act.junior.tag')}</Tag>}
                  </>
                ),
              },
              {
                key: 'd',
                label: t('act.f.date'),
                children: `${a.date} ${shanghaiTime(a.startsAt)}–${shanghaiTime(a.endsAt)}`,
              },
              { key: 'p', label: t('act.f.place'), children: a.place },
              { key: 't', label: t('act.f.team'), children: a.organiserTeamName ?? '—' },
              { key: 'x', label: t('act.f.description'), children: a.description ?? '—' },
              ...(series
                ? [
                    {
                      key: 'r',
                      label: t('act.f.rule'),
                      children: describeRule(series.rule, i18n.language === 'en' ? 'en' : 'zh') ?? series.rule,
                    },
                  ]
                : []),
            ]}
          />
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={a.shifts}
            columns={[
              { title: t('act.f.shiftName'), dataIndex: 'name' },
              { title: t('act.f.start'), dataIndex: 'start' },
              { title: t('act.f.end'), dataIndex: 'end' },
              { title: t('act.f.places'), dataIndex: 'places' },
              { title: t('act.f.taken'), dataIndex: 'taken' },
              { title: t('act.f.waiting'), dataIndex: 'waiting' },
            ]}
          />
          {a.status === 'published' && <GroupSignup a={a} />}
          {a.status === 'published' && <CardScan a={a} />}
          <Card
            size="small"
            title={t('act.detail.signups')}
            extra={
              <Space wrap>
                <Select
                  aria-label={t('act.f.status')}
                  style={{ minWidth: 120 }}
                  value={signupStatus}
                  onChange={setSignupStatus}
                  options={[
                    { value: '', label: t('act.exportFilter.allStatuses') },
                    ...(['confirmed', 'waitlisted', 'cancelled'] as const).map((v) => ({
                      value: v,
                      label: t(`act.signupStatus.${v}`),
                    })),
                  ]}
                />
                <Select
                  aria-label={t('act.f.checkedIn')}
                  style={{ minWidth: 120 }}
                  value={attended}
                  onChange={setAttended}
                  options={[
                    { value: '', label: t('act.exportFilter.allAttendance') },
                    { value: 'yes', label: t('act.exportFilter.attended') },
                    { value: 'no', label: t('act.exportFilter.notAttended') },
                  ]}
                />
                <ExportButton
                  path={`/api/activities/${encodeURIComponent(id)}/signups/export`}
                  query={{ status: signupStatus || undefined, attended: attended || undefined }}
                  fileName="attendance.xlsx"
                />
              </Space>
            }
          >
            <QueryTable<Signup>
              query={shownSignups}
              rowKey="id"
              size="small"
              pagination={false}
              columns={[
                { title: t('act.f.volunteer'), dataIndex: 'volunteerName' },
                { title: t('act.f.shift'), dataIndex: 'shiftName' },
                ...(a.juniorVolunteers
                  ? [
                      {
                        title: t('act.junior.companion'),
                        key: 'companion',
                        render: (_: unknown, s: Signup) =>
                          s.companionName && s.companionKind
                            ? `${s.companionName}（${t(`act.junior.kind.${s.companionKind}`)}）`
                            : '',
                      },
                    ]
                  : []),
                {
                  title: t('act.f.status'),
                  dataIndex: 'status',
                  render: (s: Signup['status']) => (
                    <Tag color={s === 'confirmed' ? 'processing' : s === 'waitlisted' ? 'warning' : 'default'}>
                      {t(`act.signupStatus.${s}`)}
                    </Tag>
                  ),
                },
                {
                  title: t('act.f.checkedIn'),
                  dataIndex: 'checkedInAt',
                  render: (v: string | null, s: Signup) =>
                    v ? `${time(v)} ${s.checkinMethod ? t(`act.methods.${s.checkinMethod as 'qr'}`) : ''}` : '—',
                },
                { title: t('act.f.checkedOut'), dataIndex: 'checkedOutAt', render: (v: string | null) => time(v) },
                { title: t('act.f.minutes'), dataIndex: 'minutes', render: (v: number | null) => v ?? '—' },
                {
                  title: t('act.f.review'),
                  dataIndex: 'reviewReason',
                  render: (v: string | null) =>
                    v ? <Tag color="warning">{t(`act.reviews.${v as 'location_far'}`)}</Tag> : null,
                },
                {
                  title: t('console.actions'),
                  key: 'a',
                  render: (_: unknown, s: Signup) =>
                    s.status !== 'confirmed' ? (
                      s.status === 'waitlisted' ? (
                        <ConfirmButton
                          label={t('act.withdraw')}
                          confirm={t('act.withdrawConfirm', { name: s.volunteerName })}
                          onConfirm={() => say(withdraw.mutateAsync(s.id))}
                        />
                      ) : null
                    ) : (
                      <Space wrap>
                        {!s.checkedInAt && (
                          <Button
                            size="small"
                            onClick={() => void say(mark.mutateAsync({ signupId: s.id, action: 'in' }))}
                          >
                            {t('act.markIn')}
                          </Button>
                        )}
                        {!s.checkedInAt && (
                          <Button
                            size="small"
                            onClick={() => void say(mark.mutateAsync({ signupId: s.id, action: 'present' }))}
                          >
                            {t('act.markPresent')}
                          </Button>
                        )}
                        {s.checkedInAt && !s.checkedOutAt && (
                          <Button
                            size="small"
                            onClick={() => void say(mark.mutateAsync({ signupId: s.id, action: 'out' }))}
                          >
                            {t('act.markOut')}
                          </Button>
                        )}
                        {!s.checkedInAt && (
                          <ConfirmButton
                            label={t('act.withdraw')}
                            confirm={t('act.withdrawConfirm', { name: s.volunteerName })}
                            onConfirm={() => say(withdraw.mutateAsync(s.id))}
                          />
                        )}
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
          {a.youRun && <ServedResidents a={a} />}
          {a.kind === 'performance' && <Programme a={a} />}
          <EditActivity a={a} open={dialog === 'edit'} onClose={() => setDialog(null)} />
          <CopyActivity a={a} open={dialog === 'copy'} onClose={() => setDialog(null)} />
        </>
      )}
    </ConsolePage>
  );
}
