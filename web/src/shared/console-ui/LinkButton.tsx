// A button that goes to another console page (a link inside a button would nest two controls).
import type { ReactNode } from 'react';
import { Button, type ButtonProps } from 'antd';
import { useNavigate } from 'react-router';

export function LinkButton({
  to,
  children,
  ...rest
}: Omit<ButtonProps, 'onClick' | 'href'> & { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button {...rest} onClick={() => navigate(to)}>
      {children}
    </Button>
  );
}
