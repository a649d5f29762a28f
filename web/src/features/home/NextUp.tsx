// "接下来" on the phone home: the one or two things that are next for this person, each with a way to it.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card } from '../../shared/phone-ui/parts.tsx';
import { formatShortDateTime } from '../../shared/format.ts';
import type { HomeSummary } from './api.ts';

interface Line {
  key: string;
  text: string;
  sub?: string | null;
  to?: string;
  go?: string;
}

/** `offerRegister`: someone who is no volunteer is pointed to registration (not the office, who register others). */
export function NextUp({ home, offerRegister }: { home: HomeSummary; offerRegister: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const when = (date: string | null, time: string | null) =>
    date ? t('home.taskWhen', { date, time: time ?? '' }).trim() : null;
  const lines: Line[] = [];

  if (home.volunteerStatus === 'pending') lines.push({ key: 'pending', text: t('home.pending') });
  if (home.volunteerStatus === 'rejected') lines.push({ key: 'rejected', text: t('home.rejected') });
  const v = home.volunteer;
  if (v) {
    if (v.nextTask) {
      lines.push({
        key: 'task',
        text: t(v.nextTask.waiting ? 'home.taskWaiting' : 'home.taskDue', { title: v.nextTask.title }),
        sub: [when(v.nextTask.date, v.nextTask.time), v.nextTask.detail].filter(Boolean).join(' · ') || null,
        to: v.nextTask.to,
        go: t('home.open'),
      });
      if (v.openTasks > 1)
        lines.push({
          key: 'tasks',
          text: t('home.moreTasks', { count: v.openTasks }),
          to: '/m/tasks',
          go: t('home.see'),
        });
    }
    if (v.nextActivity)
      lines.push({
        key: 'activity',
        text: t('home.nextActivity', { title: v.nextActivity.title }),
        sub: [when(v.nextActivity.date, v.nextActivity.time), v.nextActivity.detail].filter(Boolean).join(' · '),
        to: '/m/activities',
        go: t('home.see'),
      });
    lines.push({
      key: 'stars',
      text:
        v.hoursToNextStar === null
          ? t('home.starsTop', { hours: v.creditHours })
          : t('home.stars', { hours: v.creditHours, left: v.hoursToNextStar, star: v.starLevel + 1 }),
      to: '/m/hours',
      go: t('home.see'),
    });
  }
  const f = home.family;
  if (f?.lastScan)
    lines.push({
      key: 'scan',
      text: t('home.lastScan', { elder: f.lastScan.elder, when: formatShortDateTime(f.lastScan.at, lang) }),
      sub: f.lastScan.place ? t('home.lastScanAt', { place: f.lastScan.place }) : null,
      to: '/m/badges',
      go: t('home.see'),
    });
  if (f?.nextBooking)
    lines.push({
      key: 'booking',
      text: t('home.nextBooking', {
        name: f.nextBooking.residentName,
        service: f.nextBooking.serviceName,
        date: f.nextBooking.date,
        time: f.nextBooking.time,
      }),
      sub: f.nextBooking.place ? t('home.bookingPlace', { place: f.nextBooking.place }) : null,
      to: '/m/appointments',
      go: t('home.see'),
    });
  const g = home.grid;
  if (g) {
    lines.push({
      key: 'needs',
      text: t('home.gridNeeds', { count: g.openNeeds }),
      to: '/console/needs',
      go: t('home.see'),
    });
    lines.push({
      key: 'survey',
      text: t('home.gridSurvey', { count: g.surveyTodo }),
      to: '/m/grid/survey',
      go: t('home.open'),
    });
  }
  const tm = home.team;
  if (tm) {
    lines.push({
      key: 'requests',
      text: tm.pendingRequests
        ? t('home.teamRequests', { count: tm.pendingRequests, team: tm.teamName })
        : t('home.teamNoRequests', { team: tm.teamName }),
      to: tm.pendingRequests ? '/m/team' : undefined,
      go: t('home.open'),
    });
    if (tm.nextActivity)
      lines.push({
        key: 'team-activity',
        text: t('home.teamActivity', {
          title: tm.nextActivity.title,
          date: tm.nextActivity.date,
          time: formatShortDateTime(tm.nextActivity.startsAt, lang).split(' ').pop(),
        }),
        sub: tm.nextActivity.place,
        to: `/console/activities/${tm.nextActivity.id}`,
        go: t('home.see'),
      });
  }
  if (offerRegister && home.volunteerStatus === 'none' && !g && !tm && !f)
    lines.push({ key: 'none', text: t('home.notVolunteer'), to: '/m/volunteer/register', go: t('home.open') });

  return (
    <Card title={t('home.next')}>
      {lines.length ? (
        <ul className="ph-next">
          {lines.map((l) => (
            <li key={l.key}>
              <span className="ph-next__text">
                <strong>{l.text}</strong>
                {l.sub && <span className="ph-next__sub">{l.sub}</span>}
              </span>
              {l.to && (
                <Link className="ph-next__go" to={l.to}>
                  {l.go}
                </Link>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.nothingNext')}</p>
      )}
    </Card>
  );
}
