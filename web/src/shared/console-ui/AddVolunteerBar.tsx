// Pick a volunteer and add them to something (a training session, a policy, a team). Failures show as a message;
// the choice is cleared only when the add worked, so a refused add can be retried.
import { useState, type ReactNode } from 'react';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errorText.ts';
import { VolunteerPicker } from './VolunteerPicker.tsx';

export function AddVolunteerBar({
  label,
  onAdd,
  children,
}: {
  label: string;
  onAdd: (volunteerId: string) => Promise<unknown>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [pick, setPick] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    if (!pick) return;
    setBusy(true);
    try {
      await onAdd(pick);
      setPick(null);
    } catch (err) {
      void message.error(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <VolunteerPicker value={pick} onChange={setPick} />
      {children}
      <Button type="primary" disabled={!pick} loading={busy} onClick={() => void add()}>
        {label}
      </Button>
    </Space>
  );
}
