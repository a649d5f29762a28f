// /verify/:communityId/:token — public, no sign-in: whoever scans a certificate's QR code sees whether it is
// genuine or revoked, with the name masked (刘*梅), the hours, the period and the number.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PhoneFrame } from '../../../shared/phone-ui/PhoneFrame.tsx';
import { Card, Details, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { useVerify } from '../api.ts';

export default function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { communityId = '', token = '' } = useParams();
  const q = useVerify(communityId, token);
  let body;
  if (q.isPending) body = <Loading />;
  else if (q.isError) {
    body =
      isApiError(q.error) && (q.error.status === 404 || q.error.status === 400) ? (
        <Card title={t('verify.notFound')}>
          <p>{t('verify.notFoundBody')}</p>
        </Card>
      ) : (
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      );
  } else {
    const v = q.data;
    const ok = v.status === 'valid';
    body = (
      <Card title={ok ? `✔ ${t('verify.genuine')}` : `✖ ${t('verify.revoked')}`}>
        <p role="status" className={ok ? 'ph-alert' : 'ph-alert ph-alert--error'}>
          <strong>{ok ? t('verify.genuine') : t('verify.revoked')}</strong>
        </p>
        <Details
          items={[
            { term: t('verify.number'), value: v.number },
            { term: t('verify.name'), value: v.maskedName },
            { term: t('verify.hours'), value: t('verify.hoursValue', { n: v.serviceHours }) },
            { term: t('verify.period'), value: t('verify.periodValue', { from: v.periodFrom, to: v.periodTo }) },
            { term: t('verify.issuer'), value: v.issuer },
            { term: t('verify.issuedOn'), value: v.issuedOn },
            ...(v.revokedOn
              ? [
                  { term: t('verify.revokedOn'), value: v.revokedOn },
                  { term: t('verify.revokeReason'), value: v.revokeReason ?? '' },
                ]
              : []),
          ]}
        />
        <p>{t('verify.note')}</p>
      </Card>
    );
  }
  return (
    <PhoneFrame homeTo="/sign-in">
      <PageTitle title={t('verify.title')} />
      {body}
    </PhoneFrame>
  );
}
