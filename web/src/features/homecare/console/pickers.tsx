// Search-as-you-type pickers for the home care forms: a resident (name, pinyin or phone) and approved volunteers
// (through /api/volunteers, as the shared VolunteerPicker does; this one also picks several for a building).
import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { homecareApi } from '../api.ts';

export function ResidentSearch({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['homecare', 'residents', q],
    enabled: q.trim().length > 0,
    queryFn: () => homecareApi.residents(q.trim()),
  });
  const options = (found.data ?? []).map((r) => ({ value: r.id, label: `${r.name}（${r.address}）` }));
  return (
    <Select
      id={id}
      allowClear
      style={{ width: '100%' }}
      placeholder={t('homecare.console.residentSearch')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      value={value}
      onChange={(v) => onChange?.(v as string | undefined)}
      options={options}
      notFoundContent={q ? undefined : null}
    />
  );
}

export function VolunteerSearch({
  id,
  value,
  onChange,
  multiple,
  initial,
}: {
  id?: string;
  value?: string | string[] | null;
  onChange?: (v: any) => void;
  multiple?: boolean;
  initial?: Array<{ id: string; name: string }>;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['volunteers', 'pick', q],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ id: string; name: string }> }>(
        '/api/volunteers',
        { q: q.trim() || undefined, status: 'approved', pageSize: 20 },
        signal,
      ),
  });
  const options = (found.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }));
  for (const v of initial ?? [])
    if (!options.some((o) => o.value === v.id)) options.unshift({ value: v.id, label: v.name });
  return (
    <Select
      id={id}
      allowClear
      mode={multiple ? 'multiple' : undefined}
      style={{ width: '100%', minWidth: 220 }}
      placeholder={t('homecare.console.volunteerSearch')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? (multiple ? [] : null))}
      options={options}
    />
  );
}
