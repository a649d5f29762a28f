// The public site's sections, in order: one registry, so another module's section (a community's honours from
// the selections, say) is one entry here and one source in SectionSources. A section renders its own inner
// HTML, every text escaped, or '' to be left out; the page adds the heading and the menu link.
import type { Locale } from '../../platform/i18n.ts';
import { CLASS_LABELS, signUpPath, type ClassKind } from '../../../../domain/publicity/publicity.ts';
import { quarterTitle } from './public-words.ts';
import type { PublicSite } from './publicity.service.ts';
import { describeWhen } from './publicity.poster.ts';
import { esc } from './public-html.ts';

export interface PublicSectionContext {
  site: PublicSite;
  locale: Locale;
  now: Date;
}

export interface PublicSection {
  /** The anchor (#id) and the section's key. */
  id: string;
  title: Record<Locale, string>;
  render(ctx: PublicSectionContext): string | Promise<string>;
}

/** One honour won in a published selection, as public as the selections module makes it (a minor: 某同学). */
export interface PublicHonour {
  selectionId: string;
  title: string;
  honour: string;
  name: string;
  rank: number;
}

/** What other modules lend the public site for their own sections. */
export interface SectionSources {
  /** The community's published selections (好家风, 美德少年, 最美社区人). */
  honours?: (communityId: string) => Promise<PublicHonour[]>;
}

const W = {
  'zh-CN': {
    signUp: '报名',
    junior: '小小志愿者',
    none: '近期没有活动',
    more: '全文',
    names: '（按姓名公开，仅列出本人同意公开者）',
  },
  en: {
    signUp: 'Sign up',
    junior: 'Junior volunteers',
    none: 'No activities coming up',
    more: 'Read',
    names: '(only those who agreed are named)',
  },
} as const;

const day = (iso: string) => iso.slice(0, 10);

/**
 * How many of each the page lists: with every field at its longest the page stays under 30 KB (a test renders that
 * worst case). The data API lists more activities; the page links each one to the phone pages.
 */
export const SITE_LIMITS = { activities: 20, news: 10, classes: 6, excerpt: 80, honours: 30 } as const;

const activities: PublicSection = {
  id: 'activities',
  title: { 'zh-CN': '近期活动', en: 'Coming up' },
  render: ({ site, locale }) =>
    site.activities.length
      ? `<ul>${site.activities
          .slice(0, SITE_LIMITS.activities)
          .map(
            (a) =>
              `<li><b>${esc(a.title)}</b>${a.juniorVolunteers ? ` <small>[${W[locale].junior}]</small>` : ''}` +
              `<br>${esc(describeWhen(a.startsAt, a.endsAt))} · ${esc(a.place)}` +
              `<br><a class="b" href="${esc(signUpPath(a.id))}">${W[locale].signUp}</a></li>`,
          )
          .join('')}</ul>`
      : `<p>${W[locale].none}</p>`,
};

const excerpt = (s: string) => (s.length > SITE_LIMITS.excerpt ? `${s.slice(0, SITE_LIMITS.excerpt)}…` : s);

const news: PublicSection = {
  id: 'news',
  title: { 'zh-CN': '社区新闻', en: 'News' },
  render: ({ site, locale }) => {
    const items = site.announcements
      .filter((a) => a.kind === 'news' || a.kind === 'activity')
      .slice(0, SITE_LIMITS.news);
    return items.length
      ? `<ul>${items
          .map(
            (a) =>
              `<li id="a-${esc(a.id)}"><b>${esc(a.title)}</b> <small>${esc(day(a.published_at ?? a.created_at))}` +
              `</small><br>${esc(excerpt(a.body))} <a href="/p/${esc(a.community_id)}/n/${esc(a.id)}">` +
              `${W[locale].more}</a></li>`,
          )
          .join('')}</ul>`
      : '';
  },
};

const commendations: PublicSection = {
  id: 'commendations',
  title: { 'zh-CN': '表彰', en: 'Commendations' },
  render: ({ site, locale }) =>
    site.commendations
      .map(
        (c) =>
          `<h3>${esc(c.title ?? `${quarterTitle(c.quarter, locale)}`)}</h3>` +
          (c.body ? `<p>${esc(excerpt(c.body))}</p>` : '') +
          `<p>${c.names.map(esc).join('、') || '—'}<br><small>${W[locale].names}</small></p>`,
      )
      .join(''),
};

const classes: PublicSection = {
  id: 'classes',
  title: { 'zh-CN': '市民学校与兴趣班', en: "Citizens' school and classes" },
  render: ({ site, locale }) => {
    const items = site.announcements.filter((a) => a.kind === 'class').slice(0, SITE_LIMITS.classes);
    return items.length
      ? `<ul>${items
          .map((a) => {
            const label = CLASS_LABELS[a.class_kind as ClassKind];
            const kind = label ? (locale === 'en' ? label.en : label.zh) : '';
            return (
              `<li id="a-${esc(a.id)}"><b>${esc(a.title)}</b> <small>${esc(kind)}` +
              `</small><br>${esc(a.schedule ?? '')} · ${esc(a.place ?? '')}` +
              (a.body ? `<br>${esc(excerpt(a.body))}` : '') +
              '</li>'
            );
          })
          .join('')}</ul>`
      : '';
  },
};

/** The community's honours: each published selection with its winners, in rank order. */
function honours(source: NonNullable<SectionSources['honours']>): PublicSection {
  return {
    id: 'honours',
    title: { 'zh-CN': '社区荣誉', en: 'Community honours' },
    render: async ({ site }) => {
      const list = (await source(site.communityId)).slice(0, SITE_LIMITS.honours);
      const bySelection = new Map<string, PublicHonour[]>();
      for (const h of list) bySelection.set(h.selectionId, [...(bySelection.get(h.selectionId) ?? []), h]);
      return [...bySelection.values()]
        .map(
          (hs) =>
            `<h3>${esc(hs[0]!.title)}</h3><p>${esc(hs[0]!.honour)}：` +
            `${hs
              .sort((a, b) => a.rank - b.rank)
              .map((h) => esc(h.name))
              .join('、')}</p>`,
        )
        .join('');
    },
  };
}

/** The sections of every community's public site, in order. */
export function publicSections(sources: SectionSources = {}): PublicSection[] {
  return [activities, news, commendations, ...(sources.honours ? [honours(sources.honours)] : []), classes];
}
