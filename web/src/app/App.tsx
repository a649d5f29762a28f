// The routes. Sign-in, the phone pages and the console are separate chunks: a phone never downloads antd.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { BootLoading } from './Boot.tsx';
import { RequireSession } from './RequireSession.tsx';
import { RootRedirect } from './RootRedirect.tsx';

const SignInPage = lazy(() => import('../features/auth/SignInPage.tsx'));
const PhoneApp = lazy(() => import('./phone/PhoneApp.tsx'));
const ConsoleApp = lazy(() => import('./console/ConsoleApp.tsx'));
const NotFoundPage = lazy(() => import('./phone/NotFoundPage.tsx'));
const VolunteerRegisterPage = lazy(() => import('../features/volunteers/phone/RegisterPage.tsx'));
const GuardianConsentPage = lazy(() => import('../features/volunteers/phone/GuardianConsentPage.tsx'));
const VerifyCertificatePage = lazy(() => import('../features/certificates/phone/VerifyCertificatePage.tsx'));
const PublicCommendationPage = lazy(() => import('../features/recognition/PublicCommendationPage.tsx'));
const ResetPasswordPage = lazy(() => import('../features/auth/ResetPasswordPage.tsx'));
const SetupPage = lazy(() => import('../features/auth/SetupPage.tsx'));

export function App() {
  return (
    <Suspense fallback={<BootLoading />}>
      <Routes>
        <Route path="/" element={<RootRedirect />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/m/volunteer/register" element={<VolunteerRegisterPage />} />
        <Route path="/m/guardian-consent" element={<GuardianConsentPage />} />
        <Route path="/verify/:communityId/:token" element={<VerifyCertificatePage />} />
        <Route path="/recognition/:communityId/:quarter" element={<PublicCommendationPage />} />
        <Route
          path="/m/*"
          element={
            <RequireSession>
              <PhoneApp />
            </RequireSession>
          }
        />
        <Route
          path="/console/*"
          element={
            <RequireSession>
              <ConsoleApp />
            </RequireSession>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
