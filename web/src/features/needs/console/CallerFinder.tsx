// The hotline's first step: the caller's number finds the resident(s) — their own phone or a family
// contact's — or, failing that, a search by name. Enter looks up; one match is chosen at once.
import { useEffect, useRef, useState } from 'react';
import { Empty, Input, Radio, Select, Space, Typography, type InputRef } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../shared/api/errorText.ts';
import { needsApi, type Caller } from '../api.ts';

export interface ChosenResident {
  id: string;
  name: string;
  address: string;
  phone: string | null;
}

export function CallerFinder({
  chosen,
  onChoose,
  resetSignal,
}: {
  chosen: ChosenResident | null;
  onChoose: (r: ChosenResident | null) => void;
  resetSignal: number;
}) {
  const { t } = useTranslation();
  const phoneRef = useRef<InputRef>(null);
  const [phone, setPhone] = useState('');
  const [callers, setCallers] = useState<Caller[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // A new call: empty the number and put the cursor back in it.
  useEffect(() => {
    setPhone('');
    setCallers(null);
    setError(null);
    phoneRef.current?.focus();
  }, [resetSignal]);

  const choose = (c: Caller, from: string | null) =>
    onChoose({ id: c.id, name: c.name, address: c.address, phone: from });
  const find = async () => {
    const p = phone.replace(/\D/g, '');
    if (p.length < 5) {
      setError(t('needs.hotline.badPhone'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const found = await needsApi.caller(p);
      setCallers(found);
      if (found.length >= 1) choose(found[0]!, p);
      else onChoose(null);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <div>
        <label htmlFor="hotline-phone" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
          {t('needs.hotline.phone')}
        </label>
        <Input.Search
          id="hotline-phone"
          ref={phoneRef}
          autoFocus
          inputMode="tel"
          autoComplete="off"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          onSearch={() => void find()}
          enterButton={t('needs.hotline.find')}
          loading={busy}
          style={{ maxWidth: 420 }}
        />
      </div>
      {error && (
        <p role="alert" style={{ color: '#a4231b', margin: 0 }}>
          {error}
        </p>
      )}
      {callers && callers.length === 0 && <Empty description={t('needs.hotline.notFound')} />}
      {callers && callers.length > 0 && (
        <Radio.Group
          name="caller"
          aria-label={t('needs.hotline.pick')}
          value={chosen?.id}
          onChange={(e) => {
            const c = callers.find((x) => x.id === e.target.value);
            if (c) choose(c, phone.replace(/\D/g, ''));
          }}
        >
          <Space direction="vertical">
            {callers.map((c) => (
              <Radio key={c.id} value={c.id}>
                {c.name}（{t(`gender.${c.gender === 'female' ? 'female' : 'male'}`)}，{c.address}）
                {c.via === 'contact' && t('needs.hotline.viaFamily')}
                <Typography.Text
                  type={c.openNeeds ? 'warning' : 'secondary'}
                  style={{ marginLeft: 8, color: c.openNeeds ? '#8a5300' : '#595959' }}
                >
                  {c.openNeeds ? t('needs.hotline.openNeeds', { count: c.openNeeds }) : t('needs.hotline.noOpen')}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      <NameSearch
        onChoose={(r) => {
          setCallers(null);
          onChoose(r);
        }}
      />
    </Space>
  );
}

/** A resident by name, pinyin or initials, through the registry's search. */
function NameSearch({ onChoose }: { onChoose: (r: ChosenResident) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['needs', 'resident-search', q],
    enabled: q.trim().length > 0,
    queryFn: ({ signal }) => needsApi.residents(q.trim(), signal),
  });
  const items = hits.data?.items ?? [];
  return (
    <div>
      <label htmlFor="hotline-name" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        {t('needs.hotline.byName')}
      </label>
      <Select
        id="hotline-name"
        showSearch
        filterOption={false}
        value={null}
        onSearch={setQ}
        loading={hits.isFetching}
        style={{ width: 420, maxWidth: '100%' }}
        placeholder={t('needs.hotline.byNameHint')}
        notFoundContent={q ? undefined : null}
        options={items.map((r) => ({ value: r.id, label: `${r.name}（${r.age}，${r.address}）` }))}
        onChange={(id: string) => {
          const r = items.find((x) => x.id === id);
          if (r) onChoose({ id: r.id, name: r.name, address: r.address, phone: null });
        }}
      />
    </div>
  );
}
