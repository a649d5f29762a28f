// /console/activities/:id/kiosk — the check-in kiosk for a TV or a tablet on site: the whole screen, no console
// menu, the rotating QR and the typed code as large as the screen allows and all of it above the fold, refreshed
// by itself. A small corner holds full screen and the way back.
import { useEffect, useState } from 'react';
import { Button } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../../shared/api/errorText.ts';
import { useRotatingCode } from '../api.ts';
import './kiosk.css';

export default function KioskScreen() {
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
    <main className="act-kiosk" aria-label={t('act.kiosk.title')}>
      {d ? (
        <div
          className="act-kiosk__qr"
          role="img"
          aria-label={t('act.kiosk.qr')}
          data-testid="kiosk-qr"
          dangerouslySetInnerHTML={{ __html: d.qrSvg }}
        />
      ) : (
        <div className="act-kiosk__qr" />
      )}
      <div>
        <h1>{d?.title ?? t('act.screen.title')}</h1>
        <p className="act-kiosk__help">{t('act.kiosk.help')}</p>
        {d && (
          <>
            <p className="act-kiosk__typed">{t('act.screen.typed')}</p>
            <strong className="act-kiosk__code" data-testid="kiosk-code" aria-live="polite">
              {d.code}
            </strong>
            <p className="act-kiosk__refresh">
              {t('act.screen.refresh', { s: Math.max(0, Math.ceil((Date.parse(d.refreshAt) - now) / 1000)) })}
            </p>
          </>
        )}
        {q.isError && (
          <p role="alert" className="act-kiosk__help">
            {errorText(q.error, t)}
          </p>
        )}
      </div>
      <div className="act-kiosk__tools">
        <Button icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.()}>
          {t('act.screen.fullscreen')}
        </Button>
        <Link to={`/console/activities/${id}`} className="ant-btn ant-btn-default">
          {t('act.kiosk.exit')}
        </Link>
      </div>
    </main>
  );
}
