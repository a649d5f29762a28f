// A team leader or staff member checks volunteers in and out at the door by scanning their volunteer card with the
// phone's back camera (getUserMedia, facingMode environment; works in WeChat's in-app browser over https). Each card
// read is sent at once and the answer shown in large words; the same card is not sent again within 15 seconds.
// Typing the card number is always there as the fallback (no camera, no permission, a worn card).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../shared/phone-ui/parts.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { shanghaiTime } from '../../../../../domain/shared/dates.ts';
import { useCardAttendance } from '../api.ts';
import { cardTokenOf, makeQrDecoder, type QrDecoder } from './qrDecode.ts';

const SCAN_EVERY_MS = 250;
const SAME_CARD_PAUSE_MS = 15_000;
/** Frames are read at most this wide: enough for a card held at arm's length, quick for jsQR on an old phone. */
const MAX_WIDTH = 640;

type CameraState = 'off' | 'starting' | 'on' | 'denied' | 'unavailable';

export function CardScanner({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const card = useCardAttendance(activityId);
  const [action, setAction] = useState<'in' | 'out'>('in');
  const [camera, setCamera] = useState<CameraState>('off');
  const [notice, setNotice] = useState<Notice>(null);
  const [typed, setTyped] = useState('');
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const last = useRef<{ token: string; at: number } | null>(null);
  const busy = useRef(false);
  const actionRef = useRef(action);
  useEffect(() => {
    actionRef.current = action;
  }, [action]);

  const send = useCallback(
    async (token: string) => {
      busy.current = true;
      const act = actionRef.current;
      try {
        const s = await card.mutateAsync({ cardToken: token, action: act });
        const time = shanghaiTime((act === 'in' ? s.checkedInAt : s.checkedOutAt) ?? new Date().toISOString());
        setNotice({
          ok: true,
          text:
            act === 'in'
              ? t('actPhone.scan.inOk', { name: s.volunteerName, time })
              : t('actPhone.scan.outOk', {
                  name: s.volunteerName,
                  minutes: s.minutes ?? 0,
                }),
        });
      } catch (e) {
        setNotice({ ok: false, text: errorText(e, t) });
      } finally {
        busy.current = false;
      }
    },
    [card, t],
  );

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((tr) => tr.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setCamera((c) => (c === 'on' || c === 'starting' ? 'off' : c));
  }, []);

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera('unavailable');
      return;
    }
    setCamera('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: 'environment' } },
        audio: false,
      });
      streamRef.current = stream;
      const v = videoRef.current!;
      v.srcObject = stream;
      await v.play();
      setCamera('on');
    } catch (e) {
      stop();
      setCamera((e as DOMException)?.name === 'NotAllowedError' ? 'denied' : 'unavailable');
    }
  };

  // While the camera is on: read a frame every 250 ms, send each new card once.
  useEffect(() => {
    if (camera !== 'on') return;
    let cancelled = false;
    let decoder: QrDecoder | null = null;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      const v = videoRef.current;
      if (cancelled || !v || !ctx) return;
      if (!busy.current && v.readyState >= 2 && v.videoWidth) {
        const scale = Math.min(1, MAX_WIDTH / v.videoWidth);
        canvas.width = Math.round(v.videoWidth * scale);
        canvas.height = Math.round(v.videoHeight * scale);
        ctx.drawImage(v, 0, 0, canvas.width, canvas.height);
        decoder ??= await makeQrDecoder();
        const text = await decoder(ctx.getImageData(0, 0, canvas.width, canvas.height)).catch(() => null);
        const token = text ? cardTokenOf(text) : null;
        const now = Date.now();
        if (token && !(last.current?.token === token && now - last.current.at < SAME_CARD_PAUSE_MS)) {
          last.current = { token, at: now };
          await send(token);
        } else if (text && !token) {
          setNotice({ ok: false, text: t('actPhone.scan.notCard') });
        }
      }
      if (!cancelled) timer = setTimeout(() => void tick(), SCAN_EVERY_MS);
    };
    void tick();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [camera, send, t]);

  // The camera goes off when the page is left.
  useEffect(() => stop, [stop]);

  const sendTyped = async () => {
    const token = cardTokenOf(typed);
    if (!token) {
      setNotice({ ok: false, text: t('actPhone.scan.notCard') });
      return;
    }
    await send(token);
    setTyped('');
  };

  return (
    <section className="ph-card" aria-labelledby="card-scan-title">
      <h2 id="card-scan-title" className="ph-card__title">
        {t('actPhone.scan.title')}
      </h2>
      <div className="ph-card__body">
        <p>{t('actPhone.scan.lead')}</p>
        <div role="radiogroup" aria-label={t('actPhone.scan.action')} style={{ display: 'flex', gap: 8 }}>
          {(['in', 'out'] as const).map((a) => (
            <button
              key={a}
              type="button"
              role="radio"
              aria-checked={action === a}
              className={action === a ? 'ph-btn' : 'ph-btn ph-btn--secondary'}
              style={{ flex: 1, minHeight: 60, fontSize: '1.2em' }}
              onClick={() => setAction(a)}
            >
              {a === 'in' ? t('actPhone.checkin.in') : t('actPhone.checkin.out')}
            </button>
          ))}
        </div>
        <NoticeBox notice={notice} />
        <video
          ref={videoRef}
          data-testid="card-camera"
          playsInline
          muted
          aria-label={t('actPhone.scan.video')}
          style={{
            display: camera === 'on' || camera === 'starting' ? 'block' : 'none',
            width: '100%',
            maxHeight: '50vh',
            background: '#000',
            borderRadius: 8,
            margin: '12px 0',
            objectFit: 'cover',
          }}
        />
        {camera === 'on' || camera === 'starting' ? (
          <>
            <p aria-live="polite">{camera === 'on' ? t('actPhone.scan.aim') : t('actPhone.scan.starting')}</p>
            <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={stop}>
              {t('actPhone.scan.stop')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="ph-btn ph-btn--block"
            style={{ fontSize: '1.3em', minHeight: 72, margin: '12px 0' }}
            onClick={() => void start()}
          >
            {t('actPhone.scan.start')}
          </button>
        )}
        {camera === 'denied' && <p role="alert">{t('actPhone.scan.denied')}</p>}
        {camera === 'unavailable' && <p role="alert">{t('actPhone.scan.unavailable')}</p>}
        <TextField
          label={t('actPhone.scan.typed')}
          hint={t('actPhone.scan.typedHint')}
          value={typed}
          autoComplete="off"
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void sendTyped();
          }}
        />
        <button
          type="button"
          className="ph-btn ph-btn--block ph-btn--secondary"
          disabled={!typed.trim() || card.isPending}
          onClick={() => void sendTyped()}
        >
          {action === 'in' ? t('actPhone.scan.typedIn') : t('actPhone.scan.typedOut')}
        </button>
      </div>
    </section>
  );
}
