import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PhoneFrame } from '../../shared/phone-ui/PhoneFrame.tsx';
import { Card, PageTitle } from '../../shared/phone-ui/parts.tsx';

export function NotFoundContent() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('notFound.title')} />
      <Card>
        <p>{t('notFound.body')}</p>
        <p>
          <Link className="ph-btn" to="/">
            {t('notFound.home')}
          </Link>
        </p>
      </Card>
    </>
  );
}

export default function NotFoundPage() {
  return (
    <PhoneFrame homeTo="/">
      <NotFoundContent />
    </PhoneFrame>
  );
}
