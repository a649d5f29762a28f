// Finds a resident of the community by name, pinyin or phone tail (the registry's residents search), to link
// a volunteer to their resident record. Cleared, it means "not linked".
import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResidentSearch } from '../../../../shared/api/residents.ts';

export interface LinkedResident {
  id: string;
  name: string;
}

export function ResidentPicker({
  id,
  value,
  onChange,
  current,
}: {
  id?: string;
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The resident linked now: shown by name before any search has run. */
  current: LinkedResident | null;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useResidentSearch(q);
  const options = (found.data?.items ?? []).map((r) => ({
    value: r.id,
    label: t('console.volunteerEdit.residentOption', { name: r.name, age: r.age, address: r.address }),
  }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      id={id}
      allowClear
      style={{ width: '100%' }}
      placeholder={t('console.volunteerEdit.residentSearch')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.isFetching}
      value={value ?? undefined}
      onChange={(v) => onChange?.((v as string | undefined) ?? null)}
      options={options}
      notFoundContent={q ? undefined : null}
    />
  );
}
