// The check-in screen for a big display or a tablet on site: the rotating QR code (new every 30 s), the typed
// code beside it, refreshed by itself. Full-screen friendly: nothing else on the page but the way back.
import { useEffect, useState } from 'react';
import { Button } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRotatingCode } from '../api.ts';

export default function CheckinScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useRotatingCode(id);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  const d = q.data;
  return (
    <div style={{ textAlign: 'center', padding: 16 }}>
      <h1 style={{ fontSize: 32 }}>{d?.title ?? t('act.screen.title')}</h1>
      <p style={{ fontSize: 20 }}>{t('act.screen.help')}</p>
      {d && (
        <div
          role="img"
          aria-label={t('act.screen.title')}
          style={{ width: 'min(70vh, 90vw)', margin: '0 auto' }}
          dangerouslySetInnerHTML={{ __html: d.qrSvg }}
        />
      )}
      {d && (
        <p style={{ fontSize: 28 }}>
          {t('act.screen.typed')}{' '}
          <strong data-testid="checkin-code" style={{ fontSize: 48, letterSpacing: 8 }}>
            {d.code}
          </strong>
        </p>
      )}
      {d && (
        <p data-testid="checkin-path" data-path={d.path}>
          {t('act.screen.refresh', { s: Math.max(0, Math.ceil((Date.parse(d.refreshAt) - now) / 1000)) })}
        </p>
      )}
      {q.isError && <p role="alert">{String((q.error as Error).message)}</p>}
      <Space />
      <Button icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.()}>
        {t('act.screen.fullscreen')}
      </Button>{' '}
      <Link to={`/console/activities/${id}/kiosk`}>
        <Button type="primary">{t('act.kiosk.open')}</Button>
      </Link>{' '}
      <Link to={`/console/activities/${id}`}>← {t('act.title')}</Link>
    </div>
  );
}

function Space() {
  return <div style={{ height: 12 }} />;
}
