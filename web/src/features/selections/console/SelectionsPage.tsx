// 评选 (好家风, 美德少年, 最美社区人): open a selection; nominate, accept residents' nominations onto the ballot;
// record a minor's guardian consent; close the vote (results) and publish the honours.
import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ListPage } from '../../../shared/console-ui/ListPage.tsx';
import { QueryTable } from '../../../shared/console-ui/QueryTable.tsx';
import { FormModal } from '../../../shared/console-ui/FormModal.tsx';
import { LoadError } from '../../../shared/console-ui/QueryState.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { SELECTION_KINDS, type NomineeView } from '../../../../../domain/selections/schemas.ts';
import { useSelection, useSelectionMutations, useSelections, type SelectionItem } from '../api.ts';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

function NewSelection({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { create } = useSelectionMutations();
  const save = (v: Record<string, any>) =>
    create.mutateAsync({
      kind: v.kind,
      title: v.title,
      places: v.places,
      nominateFrom: day(v.nominate[0]),
      nominateTo: day(v.nominate[1]),
      voteFrom: day(v.vote[0]),
      voteTo: day(v.vote[1]),
    });
  return (
    <FormModal
      open={open}
      title={t('selections.add')}
      onClose={onClose}
      onSubmit={save}
      fields={['kind', 'title', 'places', 'nominate', 'vote']}
      successText={t('console.saved')}
      initialValues={{
        kind: 'best_neighbour',
        places: 3,
        nominate: [dayjs(), dayjs().add(7, 'day')],
        vote: [dayjs(), dayjs().add(14, 'day')],
      }}
    >
      <Form.Item name="kind" label={t('selections.kind')}>
        <Select options={SELECTION_KINDS.map((k) => ({ value: k, label: t(`selections.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('selections.titleField')}
        rules={[{ required: true, message: t('invalid.required') }]}
      >
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="places" label={t('selections.places')}>
        <InputNumber min={1} max={100} />
      </Form.Item>
      <Form.Item name="nominate" label={t('selections.nominateWindow')}>
        <DatePicker.RangePicker aria-label={t('selections.nominateWindow')} />
      </Form.Item>
      <Form.Item name="vote" label={t('selections.voteWindow')}>
        <DatePicker.RangePicker aria-label={t('selections.voteWindow')} />
      </Form.Item>
    </FormModal>
  );
}

function Ballot({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sel = useSelection(id);
  const mut = useSelectionMutations();
  const [form] = Form.useForm();
  const run = (p: Promise<unknown>, ok: string) =>
    p.then(
      () => void message.success(ok),
      (e) => void message.error(errorText(e, t)),
    );
  const s = sel.data;
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={s?.title ?? ''}>
      {sel.isError && <LoadError error={sel.error} />}
      {s && (
        <>
          <Space style={{ marginBottom: 16 }} wrap>
            <Tag>{t(`selections.statuses.${s.status}`)}</Tag>
            {s.status === 'open' && (
              <Button onClick={() => void run(mut.close.mutateAsync(s.id), t('selections.closed'))}>
                {t('selections.close')}
              </Button>
            )}
            {s.status === 'closed' && (
              <Button type="primary" onClick={() => void run(mut.publish.mutateAsync(s.id), t('selections.published'))}>
                {t('selections.publish')}
              </Button>
            )}
          </Space>
          <Table<NomineeView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={s.ballot}
            locale={{ emptyText: t('selections.noNominees') }}
            columns={[
              { title: t('selections.nominee'), render: (_, n) => `${n.name}${n.minor ? `（${n.publicName}）` : ''}` },
              { title: t('selections.reason'), dataIndex: 'reason' },
              { title: t('selections.status'), render: (_, n) => t(`selections.nomineeStatuses.${n.status}`) },
              { title: t('selections.votes'), dataIndex: 'votes' },
              { title: t('selections.rank'), render: (_, n) => (n.honoured ? `★ ${n.rank}` : (n.rank ?? '')) },
              {
                title: '',
                render: (_, n) => (
                  <Space wrap>
                    {s.status === 'open' && n.status === 'proposed' && (
                      <>
                        <Button
                          size="small"
                          onClick={() =>
                            void run(
                              mut.decide.mutateAsync({ id: s.id, nomineeId: n.id, accept: true }),
                              t('console.saved'),
                            )
                          }
                        >
                          {t('selections.accept')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() =>
                            void run(
                              mut.decide.mutateAsync({ id: s.id, nomineeId: n.id, accept: false }),
                              t('console.saved'),
                            )
                          }
                        >
                          {t('selections.reject')}
                        </Button>
                      </>
                    )}
                    {n.minor &&
                      (n.guardianConsent ? (
                        <Tag color="green">{t('selections.consentOk')}</Tag>
                      ) : (
                        <Button
                          size="small"
                          onClick={() => {
                            const guardianName = window.prompt(t('selections.guardianName'));
                            if (guardianName)
                              void run(
                                mut.consent.mutateAsync({
                                  id: s.id,
                                  nomineeId: n.id,
                                  guardianName,
                                  signedOn: day(dayjs()),
                                }),
                                t('console.saved'),
                              );
                          }}
                        >
                          {t('selections.recordConsent')}
                        </Button>
                      ))}
                  </Space>
                ),
              },
            ]}
          />
          {s.status === 'open' && (
            <Form
              form={form}
              layout="vertical"
              style={{ marginTop: 16 }}
              onFinish={(v) =>
                void run(
                  mut.nominate.mutateAsync({ id: s.id, body: { name: v.name, reason: v.reason, minor: !!v.minor } }),
                  t('console.saved'),
                ).then(() => form.resetFields())
              }
            >
              <h2 style={{ fontSize: 16 }}>{t('selections.nominate')}</h2>
              <Form.Item
                name="name"
                label={t('selections.nominee')}
                rules={[{ required: true, message: t('invalid.required') }]}
              >
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item
                name="reason"
                label={t('selections.reason')}
                rules={[{ required: true, message: t('invalid.required') }]}
              >
                <Input.TextArea maxLength={500} rows={2} />
              </Form.Item>
              <Form.Item name="minor" label={t('selections.minor')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Button htmlType="submit">{t('selections.nominate')}</Button>
            </Form>
          )}
        </>
      )}
    </Drawer>
  );
}

export default function SelectionsPage() {
  const { t } = useTranslation();
  const list = useSelections();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  return (
    <ListPage
      title={t('selections.title')}
      lead={t('selections.lead')}
      addLabel={t('selections.add')}
      onAdd={() => setOpen(true)}
    >
      <QueryTable<SelectionItem>
        query={list}
        loading={list.isFetching}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('selections.empty') }}
        columns={[
          {
            title: t('selections.titleField'),
            render: (_, s) => (
              <Button type="link" onClick={() => setCurrent(s.id)}>
                {s.title}
              </Button>
            ),
          },
          { title: t('selections.kind'), render: (_, s) => t(`selections.kinds.${s.kind}`) },
          { title: t('selections.voteWindow'), render: (_, s) => `${s.voteFrom} ~ ${s.voteTo}` },
          { title: t('selections.places'), dataIndex: 'places' },
          { title: t('selections.nominees'), dataIndex: 'nominees' },
          { title: t('selections.votes'), dataIndex: 'votes' },
          { title: t('selections.status'), render: (_, s) => t(`selections.statuses.${s.status}`) },
        ]}
      />
      <NewSelection open={open} onClose={() => setOpen(false)} />
      <Ballot id={current} onClose={() => setCurrent(null)} />
    </ListPage>
  );
}
