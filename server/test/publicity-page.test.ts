// The public site's page at its largest: every list at its cap and every field at its longest still makes a page
// under 30 KB (a slow phone's budget), and every text is escaped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { sitePage } from '../src/modules/publicity/public.page.ts';
import { publicSections, SITE_LIMITS } from '../src/modules/publicity/public-sections.ts';
import type { AnnouncementRow, PublicSite } from '../src/modules/publicity/publicity.service.ts';

const long = (n: number, c = '社') => c.repeat(n);
const now = new Date().toISOString();
const announcement = (kind: string, i: number): AnnouncementRow => ({
  community_id: uuidv7(),
  id: uuidv7(),
  kind,
  title: long(60, i % 2 ? '<' : '宣'),
  body: long(2000),
  activity_id: null,
  quarter: null,
  class_kind: kind === 'class' ? 'guoxue' : null,
  schedule: kind === 'class' ? long(100) : null,
  place: kind === 'class' ? long(100) : null,
  publish_from: null,
  publish_until: null,
  channels: '["site"]',
  status: 'published',
  created_by: 'x',
  created_at: now,
  updated_at: now,
  published_at: now,
  withdrawn_at: null,
});

describe('the public site page', () => {
  it('stays under 30 KB at its largest, and escapes every text', async () => {
    const site: PublicSite = {
      communityId: uuidv7(),
      community: long(30),
      activities: Array.from({ length: 30 }, () => ({
        id: uuidv7(),
        title: long(60),
        description: long(500),
        place: long(100),
        startsAt: '2026-12-08T01:00:00.000Z',
        endsAt: '2026-12-09T03:30:00.000Z',
        published: true,
        juniorVolunteers: true,
      })),
      announcements: [
        ...Array.from({ length: 40 }, (_, i) => announcement('news', i)),
        ...Array.from({ length: 40 }, (_, i) => announcement('class', i)),
      ],
      commendations: [0, 1].map(() => ({
        quarter: '2026Q3',
        title: long(60),
        body: long(2000),
        names: Array.from({ length: 30 }, () => long(4)),
      })),
    };
    const html = await sitePage(publicSections(), { site, locale: 'zh-CN', now: new Date() });
    const bytes = Buffer.byteLength(html);
    assert.ok(bytes < 30 * 1024, `${bytes} bytes`);
    console.log(`  worst-case public site: ${bytes} bytes`);
    assert.equal((html.match(/href="\/m\/activities\//g) ?? []).length, SITE_LIMITS.activities);
    assert.ok(!html.includes('<<'), 'a title of < is escaped');
    assert.ok(html.includes('&lt;&lt;'));
  });
});
