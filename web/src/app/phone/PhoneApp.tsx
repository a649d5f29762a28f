// The phone pages (plain HTML + CSS, no UI library): /m and, for grid leaders, /m/grid.
import { lazy, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes } from 'react-router';
import { PhoneFrame } from '../../shared/phone-ui/PhoneFrame.tsx';
import { Loading } from '../../shared/phone-ui/parts.tsx';
import { can, useCurrentUser } from '../../shared/session/useSession.ts';
import PhoneHomePage from '../../features/home/PhoneHomePage.tsx';
import { NotFoundContent } from './NotFoundPage.tsx';

const GridHomePage = lazy(() => import('../../features/registry/phone/GridHomePage.tsx'));
const GridHouseholdsPage = lazy(() => import('../../features/registry/phone/GridHouseholdsPage.tsx'));
const PhoneHouseholdPage = lazy(() => import('../../features/registry/phone/PhoneHouseholdPage.tsx'));
const PhoneResidentPage = lazy(() => import('../../features/registry/phone/PhoneResidentPage.tsx'));
const TeamLeaderPage = lazy(() => import('../../features/teams/phone/TeamLeaderPage.tsx'));
const JoinTeamPage = lazy(() => import('../../features/teams/phone/JoinTeamPage.tsx'));
const GridPartyPage = lazy(() => import('../../features/party/phone/GridPartyPage.tsx'));
const MyVolunteerPage = lazy(() => import('../../features/volunteers/phone/MyVolunteerPage.tsx'));
const AvailabilityPage = lazy(() => import('../../features/availability/AvailabilityPage.tsx'));
const MyHoursPage = lazy(() => import('../../features/hours/phone/MyHoursPage.tsx'));
const MyCertificatesPage = lazy(() => import('../../features/certificates/phone/MyCertificatesPage.tsx'));
const MyPointsPage = lazy(() => import('../../features/points/phone/MyPointsPage.tsx'));
const MyStarPage = lazy(() => import('../../features/recognition/phone/MyStarPage.tsx'));
const MyPairingsPage = lazy(() => import('../../features/pairings/phone/MyPairingsPage.tsx'));
const HomecarePhonePage = lazy(() => import('../../features/homecare/phone/HomecarePhonePage.tsx'));
const DeliveryListPage = lazy(() => import('../../features/homecare/phone/DeliveryListPage.tsx'));
const FamilyBadgesPage = lazy(() => import('../../features/badges/phone/FamilyBadgesPage.tsx'));
const ClassroomPhonePage = lazy(() => import('../../features/classroom/phone/ClassroomPhonePage.tsx'));
const ActivitiesPhonePage = lazy(() => import('../../features/activities/phone/ActivitiesPhonePage.tsx'));
const CheckinPage = lazy(() => import('../../features/activities/phone/CheckinPage.tsx'));
const BookServicePage = lazy(() => import('../../features/appointments/phone/BookServicePage.tsx'));
const AskHelpPage = lazy(() => import('../../features/needs/phone/AskHelpPage.tsx'));
const SelectionsPhonePage = lazy(() => import('../../features/selections/phone/SelectionsPhonePage.tsx'));
const SurveyVisitPage = lazy(() => import('../../features/needs/phone/SurveyVisitPage.tsx'));
const MyTasksPage = lazy(() => import('../../features/needs/phone/MyTasksPage.tsx'));
const TaskNeedPage = lazy(() => import('../../features/needs/phone/TaskNeedPage.tsx'));
const MyMessagesPage = lazy(() => import('../../features/notices/phone/MyMessagesPage.tsx'));
const ChangePasswordPage = lazy(() => import('../../features/auth/ChangePasswordPage.tsx'));

function PhoneLayout() {
  const me = useCurrentUser();
  return (
    <PhoneFrame subtitle={me.community.name}>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </PhoneFrame>
  );
}

function RequireRegistry() {
  const me = useCurrentUser();
  return can(me, 'registry.read') ? <Outlet /> : <Navigate to="/m" replace />;
}

export default function PhoneApp() {
  return (
    <Routes>
      <Route element={<PhoneLayout />}>
        <Route index element={<PhoneHomePage />} />
        <Route path="volunteer" element={<MyVolunteerPage />} />
        <Route path="team" element={<TeamLeaderPage />} />
        <Route path="teams" element={<JoinTeamPage />} />
        <Route path="grid/party" element={<GridPartyPage />} />
        <Route path="volunteer/availability" element={<AvailabilityPage />} />
        <Route path="pairings" element={<MyPairingsPage />} />
        <Route path="homecare" element={<HomecarePhonePage />} />
        <Route path="homecare/runs/:id" element={<DeliveryListPage />} />
        <Route path="badges" element={<FamilyBadgesPage />} />
        <Route path="classroom" element={<ClassroomPhonePage />} />
        <Route path="hours" element={<MyHoursPage />} />
        <Route path="certificates" element={<MyCertificatesPage />} />
        <Route path="points" element={<MyPointsPage />} />
        <Route path="recognition" element={<MyStarPage />} />
        <Route path="appointments" element={<BookServicePage />} />
        <Route path="activities" element={<ActivitiesPhonePage />} />
        {/* The sign-up address the public site, posters and group texts print (issue 15): the same page. */}
        <Route path="activities/:id" element={<ActivitiesPhonePage />} />
        <Route path="activities/checkin/:id" element={<CheckinPage />} />
        <Route path="needs" element={<AskHelpPage />} />
        <Route path="selections" element={<SelectionsPhonePage />} />
        <Route path="tasks" element={<MyTasksPage />} />
        <Route path="tasks/needs/:id" element={<TaskNeedPage />} />
        <Route path="messages" element={<MyMessagesPage />} />
        <Route path="password" element={<ChangePasswordPage />} />
        <Route element={<RequireRegistry />}>
          <Route path="grid" element={<GridHomePage />} />
          <Route path="grid/households" element={<GridHouseholdsPage />} />
          <Route path="grid/survey" element={<SurveyVisitPage />} />
          <Route path="households/:id" element={<PhoneHouseholdPage />} />
          <Route path="residents/:id" element={<PhoneResidentPage />} />
        </Route>
        <Route path="*" element={<NotFoundContent />} />
      </Route>
    </Routes>
  );
}
