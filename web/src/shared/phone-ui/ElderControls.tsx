// 长辈版 switch and the font-size control (18–30 px). State is said in words, never by colour alone.
import { useTranslation } from 'react-i18next';
import { ELDER_STEP, useElderMode } from '../prefs/elderMode.ts';

function Toggle() {
  const { t } = useTranslation();
  const elder = useElderMode();
  return (
    <button
      type="button"
      role="switch"
      aria-checked={elder.on}
      className="ph-chip"
      onClick={() => elder.setOn(!elder.on)}
    >
      {t('elder.toggle')}
      <span className="ph-chip__state" aria-hidden="true">
        {elder.on ? t('elder.on') : t('elder.off')}
      </span>
    </button>
  );
}

function FontSize() {
  const { t } = useTranslation();
  const elder = useElderMode();
  return (
    <div className="ph-fontbar" role="group" aria-label={t('elder.fontSize')}>
      <button
        type="button"
        className="ph-chip"
        aria-label={t('elder.smaller')}
        disabled={!elder.canShrink}
        onClick={() => elder.setFontSize(elder.fontSize - ELDER_STEP)}
      >
        A−
      </button>
      <span className="ph-fontbar__value" aria-live="polite">
        {t('elder.current', { size: elder.fontSize })}
      </span>
      <button
        type="button"
        className="ph-chip"
        aria-label={t('elder.larger')}
        disabled={!elder.canGrow}
        onClick={() => elder.setFontSize(elder.fontSize + ELDER_STEP)}
      >
        A+
      </button>
    </div>
  );
}

export const ElderControls = { Toggle, FontSize };
