// A small danger button that asks first (delete a unit, remove a member, ...). A returned promise keeps the
// confirm button spinning until the work is done.
import { Button, Popconfirm } from 'antd';

export function ConfirmButton({
  label,
  confirm,
  onConfirm,
  okText,
  cancelText,
}: {
  label: string;
  confirm: string;
  onConfirm: () => unknown;
  okText?: string;
  cancelText?: string;
}) {
  return (
    <Popconfirm title={confirm} onConfirm={() => onConfirm()} okText={okText} cancelText={cancelText}>
      <Button size="small" danger>
        {label}
      </Button>
    </Popconfirm>
  );
}
