// The staff console (antd 6): its own chunk, its own strings, zh_CN / en_US locales and a darker primary.
import { lazy, useState, useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { registerConsoleStrings } from '../../i18n/console.ts';
import { useCurrentUser } from '../../shared/session/useSession.ts';
import type { Permission } from '../../shared/session/types.ts';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import { allowedMenu } from './menu.tsx';
import { prefersReducedMotion, themeFor } from './theme.ts';

registerConsoleStrings();

const DashboardPage = lazy(() => import('../../features/registry/console/dashboard/DashboardPage.tsx'));
const GridsPage = lazy(() => import('../../features/registry/console/grids/GridsPage.tsx'));
const GridBuildingsPage = lazy(() => import('../../features/registry/console/grids/GridBuildingsPage.tsx'));
const BuildingHouseholdsPage = lazy(() => import('../../features/registry/console/grids/BuildingHouseholdsPage.tsx'));
const HouseholdPage = lazy(() => import('../../features/registry/console/households/HouseholdPage.tsx'));
const NewHouseholdPage = lazy(() => import('../../features/registry/console/households/NewHouseholdPage.tsx'));
const ResidentsPage = lazy(() => import('../../features/registry/console/residents/ResidentsPage.tsx'));
const ResidentPage = lazy(() => import('../../features/registry/console/residents/ResidentPage.tsx'));
const NewResidentPage = lazy(() => import('../../features/registry/console/residents/NewResidentPage.tsx'));
const ImportPage = lazy(() => import('../../features/registry/console/import/ImportPage.tsx'));
const AuditLogPage = lazy(() => import('../../features/audit/AuditLogPage.tsx'));
const OutboxPage = lazy(() => import('../../features/outbox/OutboxPage.tsx'));
const ConsolePasswordPage = lazy(() => import('../../features/auth/console/ConsolePasswordPage.tsx'));
const ResetOthersPage = lazy(() => import('../../features/auth/console/ResetOthersPage.tsx'));
const NoticesPage = lazy(() => import('../../features/notices/console/NoticesPage.tsx'));
const SkillsPoolPage = lazy(() => import('../../features/skills/console/SkillsPoolPage.tsx'));
const UnitsPage = lazy(() => import('../../features/units/console/UnitsPage.tsx'));
const OrganisationPage = lazy(() => import('../../features/organisation/console/OrganisationPage.tsx'));
const TeamsPage = lazy(() => import('../../features/teams/console/TeamsPage.tsx'));
const PartyPage = lazy(() => import('../../features/party/console/PartyPage.tsx'));
const VolunteersPage = lazy(() => import('../../features/volunteers/console/VolunteersPage.tsx'));
const VolunteerPage = lazy(() => import('../../features/volunteers/console/VolunteerPage.tsx'));
const NewVolunteerPage = lazy(() => import('../../features/volunteers/console/NewVolunteerPage.tsx'));
const VolunteerImportPage = lazy(() => import('../../features/volunteers/console/VolunteerImportPage.tsx'));
const VolunteerCardPage = lazy(() => import('../../features/volunteers/console/CardScanPage.tsx'));
const TrainingPage = lazy(() => import('../../features/training/TrainingPage.tsx'));
const InsurancePage = lazy(() => import('../../features/insurance/InsurancePage.tsx'));
const ServiceTypesPage = lazy(() => import('../../features/service-types/ServiceTypesPage.tsx'));
const PairingsPage = lazy(() => import('../../features/pairings/console/PairingsPage.tsx'));
const ActivitiesPage = lazy(() => import('../../features/activities/console/ActivitiesPage.tsx'));
const ActivityPage = lazy(() => import('../../features/activities/console/ActivityPage.tsx'));
const CheckinScreen = lazy(() => import('../../features/activities/console/CheckinScreen.tsx'));
const KioskScreen = lazy(() => import('../../features/activities/console/KioskScreen.tsx'));
const PublicityPage = lazy(() => import('../../features/publicity/console/PublicityPage.tsx'));
const HoursPage = lazy(() => import('../../features/hours/console/HoursPage.tsx'));
const RecognitionPage = lazy(() => import('../../features/recognition/console/RecognitionPage.tsx'));
const CertificatesPage = lazy(() => import('../../features/certificates/console/CertificatesPage.tsx'));
const SupermarketPage = lazy(() => import('../../features/points/console/SupermarketPage.tsx'));
const HomecarePage = lazy(() => import('../../features/homecare/console/HomecarePage.tsx'));
const ProjectsPage = lazy(() => import('../../features/projects/console/ProjectsPage.tsx'));
const ProjectPage = lazy(() => import('../../features/projects/console/ProjectPage.tsx'));
const SelectionsPage = lazy(() => import('../../features/selections/console/SelectionsPage.tsx'));
const BadgesPage = lazy(() => import('../../features/badges/console/BadgesPage.tsx'));
const ClassroomPage = lazy(() => import('../../features/classroom/console/ClassroomPage.tsx'));
const PartyIndicatorsPage = lazy(() => import('../../features/party-indicators/PartyIndicatorsPage.tsx'));
const IndicatorsPage = lazy(() => import('../../features/indicators/IndicatorsPage.tsx'));
const MonitorPage = lazy(() => import('../../features/monitor/MonitorPage.tsx'));
const AppointmentsPage = lazy(() => import('../../features/appointments/console/AppointmentsPage.tsx'));
const NeedsBoardPage = lazy(() => import('../../features/needs/console/NeedsBoardPage.tsx'));
const HotlinePage = lazy(() => import('../../features/needs/console/HotlinePage.tsx'));
const NeedPage = lazy(() => import('../../features/needs/console/NeedPage.tsx'));
const BatchMatchPage = lazy(() => import('../../features/needs/console/BatchMatchPage.tsx'));
const SurveyProgressPage = lazy(() => import('../../features/needs/console/SurveyProgressPage.tsx'));
const SurveyTodoPage = lazy(() => import('../../features/needs/console/SurveyTodoPage.tsx'));
const RegionsPage = lazy(() => import('../../features/regions/RegionsPage.tsx'));

function Allow({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.permissions.includes(permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('console.forbiddenTitle')}</h1>}
      subTitle={t('console.forbiddenBody')}
    />
  );
}

function ConsoleHome() {
  const me = useCurrentUser();
  if (me.permissions.includes('registry.read')) return <DashboardPage />;
  const first = allowedMenu(me.permissions)[0];
  return <Navigate to={first ? first.path : '/m'} replace />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound.title')}</h1>}
      subTitle={t('notFound.body')}
    />
  );
}

export default function ConsoleApp() {
  const { i18n } = useTranslation();
  const me = useCurrentUser();
  const en = i18n.language === 'en';
  const [reducedMotion] = useState(prefersReducedMotion);
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
  }, [en]);

  if (allowedMenu(me.permissions).length === 0) return <Navigate to="/m" replace />;

  const reg = (p: Permission, el: ReactNode) => <Allow permission={p}>{el}</Allow>;
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={themeFor(reducedMotion)} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Routes>
          <Route element={<ConsoleLayout />}>
            <Route index element={<ConsoleHome />} />
            <Route path="grids" element={reg('registry.read', <GridsPage />)} />
            <Route path="grids/:gridId" element={reg('registry.read', <GridBuildingsPage />)} />
            <Route
              path="grids/:gridId/buildings/:buildingId"
              element={reg('registry.read', <BuildingHouseholdsPage />)}
            />
            <Route path="households/new" element={reg('registry.write', <NewHouseholdPage />)} />
            <Route path="households/:id" element={reg('registry.read', <HouseholdPage />)} />
            <Route path="residents" element={reg('registry.read', <ResidentsPage />)} />
            <Route path="residents/new" element={reg('registry.write', <NewResidentPage />)} />
            <Route path="residents/:id" element={reg('registry.read', <ResidentPage />)} />
            <Route path="import" element={reg('registry.import', <ImportPage />)} />
            <Route path="audit" element={reg('audit.read', <AuditLogPage />)} />
            <Route path="outbox" element={reg('outbox.read', <OutboxPage />)} />
            <Route path="password" element={<ConsolePasswordPage />} />
            <Route path="accounts" element={reg('accounts.reset', <ResetOthersPage />)} />
            <Route path="notices" element={reg('notices.send', <NoticesPage />)} />
            <Route path="volunteers" element={reg('volunteers.read', <VolunteersPage />)} />
            <Route path="volunteers/approvals" element={reg('volunteers.approve', <VolunteersPage approvals />)} />
            <Route path="volunteers/new" element={reg('volunteers.write', <NewVolunteerPage />)} />
            <Route path="volunteers/import" element={reg('volunteers.import', <VolunteerImportPage />)} />
            <Route path="volunteers/card/:token" element={reg('volunteers.read', <VolunteerCardPage />)} />
            <Route path="volunteers/:id" element={reg('volunteers.read', <VolunteerPage />)} />
            <Route path="training" element={reg('volunteers.read', <TrainingPage />)} />
            <Route path="insurance" element={reg('volunteers.read', <InsurancePage />)} />
            <Route path="service-types" element={reg('volunteers.read', <ServiceTypesPage />)} />
            <Route path="skills" element={reg('volunteers.read', <SkillsPoolPage />)} />
            <Route path="units" element={reg('volunteers.read', <UnitsPage />)} />
            <Route path="organisation" element={reg('org.read', <OrganisationPage />)} />
            <Route path="teams" element={reg('volunteers.read', <TeamsPage />)} />
            <Route path="party" element={reg('party.read', <PartyPage />)} />
            <Route path="pairings" element={reg('pairings.manage', <PairingsPage />)} />
            <Route path="activities" element={reg('activities.manage', <ActivitiesPage />)} />
            <Route path="activities/:id" element={reg('activities.manage', <ActivityPage />)} />
            <Route path="activities/:id/screen" element={reg('activities.manage', <CheckinScreen />)} />
            <Route path="hours" element={reg('hours.verify', <HoursPage />)} />
            <Route path="recognition" element={reg('recognition.nominate', <RecognitionPage />)} />
            <Route path="certificates" element={reg('certificates.issue', <CertificatesPage />)} />
            <Route path="supermarket" element={reg('points.manage', <SupermarketPage />)} />
            <Route path="homecare" element={reg('homecare.manage', <HomecarePage />)} />
            <Route path="publicity" element={reg('publicity.manage', <PublicityPage />)} />
            <Route path="projects" element={reg('projects.manage', <ProjectsPage />)} />
            <Route path="projects/:id" element={reg('projects.manage', <ProjectPage />)} />
            <Route path="selections" element={reg('selections.manage', <SelectionsPage />)} />
            <Route path="badges" element={reg('badges.manage', <BadgesPage />)} />
            <Route path="classroom" element={reg('classroom.manage', <ClassroomPage />)} />
            <Route path="party-indicators" element={reg('party.read', <PartyIndicatorsPage />)} />
            <Route path="indicators" element={reg('indicators.read', <IndicatorsPage />)} />
            <Route path="monitor" element={reg('needs.read', <MonitorPage />)} />
            <Route path="appointments" element={reg('appointments.manage', <AppointmentsPage />)} />
            <Route path="needs" element={reg('needs.read', <NeedsBoardPage />)} />
            <Route path="needs/hotline" element={reg('needs.write', <HotlinePage />)} />
            <Route path="needs/batch" element={reg('needs.match', <BatchMatchPage />)} />
            <Route path="needs/:id" element={reg('needs.read', <NeedPage />)} />
            <Route path="survey" element={reg('needs.read', <SurveyProgressPage />)} />
            <Route path="survey/todo" element={reg('needs.read', <SurveyTodoPage />)} />
            <Route path="regions" element={reg('regions.read', <RegionsPage />)} />
            <Route path="*" element={<NotFound />} />
          </Route>
          {/* The check-in kiosk fills the screen: outside the console's layout, no menu. */}
          <Route path="activities/:id/kiosk" element={reg('activities.manage', <KioskScreen />)} />
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
