// 消息设置 on the phone home: which channels my messages come on, or none. Big checkboxes, saved at once.
// Safety messages (a found badge wearer, a child not collected) and sign-in codes come whatever is chosen.
import { useTranslation } from 'react-i18next';
import { Card, ErrorNotice, Loading } from '../../shared/phone-ui/parts.tsx';
import { useMessagePreferences, useSaveMessagePreferences, type MessagePreferences } from './api.ts';

const CHANNELS = ['app', 'sms', 'wechat'] as const;

export function MessageSettings() {
  const { t } = useTranslation();
  const prefs = useMessagePreferences();
  const save = useSaveMessagePreferences();
  const p = save.isPending && save.variables ? save.variables : prefs.data;
  const set = (change: Partial<MessagePreferences>) => p && save.mutate({ ...p, ...change });
  // The box is drawn 1.6em wide; its tap area is the full row height (elder mode: 60 px).
  const box = { width: '1.6em', height: 'var(--ph-tap)', margin: 0, flex: 'none' } as const;
  const row = { display: 'flex', alignItems: 'center', gap: '0.7em', minHeight: 'var(--ph-tap)' } as const;

  return (
    <Card title={t('home.messages.title')}>
      {prefs.isPending ? (
        <Loading label={t('home.messages.loading')} />
      ) : prefs.isError || !p ? (
        <ErrorNotice error={prefs.error} onRetry={() => void prefs.refetch()} />
      ) : (
        <>
          <p>{t('home.messages.lead')}</p>
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }} disabled={p.optedOut}>
            <legend className="ph-field__label">{t('home.messages.channels')}</legend>
            {CHANNELS.map((c) => (
              <label key={c} style={row}>
                <input
                  type="checkbox"
                  style={box}
                  checked={p[c] && !p.optedOut}
                  onChange={(e) => set({ [c]: e.target.checked })}
                />
                {t(`home.messages.channel.${c}`)}
              </label>
            ))}
          </fieldset>
          <label style={row}>
            <input
              type="checkbox"
              style={box}
              checked={p.optedOut}
              onChange={(e) => set({ optedOut: e.target.checked })}
            />
            {t('home.messages.optOut')}
          </label>
          <p role="note">{t('home.messages.urgentNote')}</p>
          <p>{t('home.messages.quietNote')}</p>
          {save.isError && <ErrorNotice error={save.error} />}
          <p aria-live="polite">{save.isSuccess ? t('home.messages.saved') : ''}</p>
        </>
      )}
    </Card>
  );
}
