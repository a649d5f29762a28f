// Projects on both databases: a project links an activity, a need, a pairing and a team; its report equals a
// recount from the raw tables (contacts, hours entries, sign-ups, visits, members, tags), within its period; the
// Excel and PDF exports carry the same figures; a volunteer cannot manage projects and another community's
// project or work is refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertNeed } from './factories.ts';
import { addTeamMember, insertTeam, insertVolunteer } from './volunteer-factories.ts';
import { tagDecoder } from '../src/modules/registry/tags.ts';
import type { ContactInput } from '../src/modules/contacts/contacts.service.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import type { HoursSource } from '../../domain/hours/ledger.ts';

for (const kind of testDatabaseKinds()) {
  describe(`projects on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    let volunteer: Client;
    let otherStaff: Client;
    const today = todayInShanghai();
    const from = addDays(today, -30);
    const to = addDays(today, 30);
    const ids = {} as Record<string, string>;
    const db = () => t.db.handle.db;

    async function insertActivity(title: string, date: string) {
      const now = new Date().toISOString();
      const id = uuidv7();
      const shift = uuidv7();
      await db()
        .insertInto('activity')
        .values({
          community_id: t.a.id,
          id,
          kind: 'service',
          title,
          description: null,
          organiser_team_id: null,
          organiser_unit_id: null,
          place: '服务站',
          lat: null,
          lng: null,
          tolerance_m: null,
          date,
          starts_at: `${date}T01:00:00.000Z`,
          ends_at: `${date}T03:00:00.000Z`,
          service_type_id: null,
          status: 'published',
          series_id: null,
          template_key: null,
          audience_count: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db()
        .insertInto('activity_shift')
        .values({
          community_id: t.a.id,
          id: shift,
          activity_id: id,
          position: 0,
          name: '组',
          starts_at: `${date}T01:00:00.000Z`,
          ends_at: `${date}T03:00:00.000Z`,
          places: 10,
          taken: 0,
        })
        .execute();
      return { id, shift };
    }
    async function insertSignup(activityId: string, shiftId: string, volunteerId: string) {
      const id = uuidv7();
      await db()
        .insertInto('activity_signup')
        .values({
          community_id: t.a.id,
          id,
          activity_id: activityId,
          shift_id: shiftId,
          volunteer_id: volunteerId,
          status: 'confirmed',
          channel: 'staff',
          signed_up_by: null,
          created_at: new Date().toISOString(),
          promoted_at: null,
          cancelled_at: null,
          cancelled_by: null,
          reminded_day_at: null,
          reminded_soon_at: null,
          checked_in_at: null,
          checkin_method: null,
          checkin_distance_m: null,
          checked_out_at: null,
          checkout_method: null,
          review_reason: null,
          hours_entry_id: null,
          minutes: null,
        })
        .execute();
      return id;
    }
    const hours = (
      volunteerId: string,
      source: Exclude<HoursSource, 'honour'>,
      sourceId: string,
      date: string,
      minutes: number,
    ) =>
      db()
        .transaction()
        .execute((trx) =>
          t.app.services.hours.recordService(trx, {
            communityId: t.a.id,
            volunteerId,
            source,
            sourceId,
            serviceDate: date,
            minutes,
            description: '测试服务',
          }),
        );
    const contacts = (list: Array<Omit<ContactInput, 'communityId'>>) =>
      db()
        .transaction()
        .execute((trx) =>
          t.app.services.contacts.record(
            trx,
            list.map((c) => ({ communityId: t.a.id, ...c })),
          ),
        );

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      volunteer = await signInAs(t, 'volunteer');
      otherStaff = await signInAs(t, 'staff', 'b');
      const r = t.a.residents;
      const v1 = await insertVolunteer(db(), t.cipher, t.a.id, { name: '刘红梅' });
      const v2 = await insertVolunteer(db(), t.cipher, t.a.id, { name: '张建华' });
      const v3 = await insertVolunteer(db(), t.cipher, t.a.id, { name: '王志强' });
      Object.assign(ids, { v1, v2, v3 });
      // The linked activity: two sign-ups with hours, two residents served; an unlinked activity alongside.
      const act = await insertActivity('重阳敬老', addDays(today, -3));
      const s1 = await insertSignup(act.id, act.shift, v1);
      const s2 = await insertSignup(act.id, act.shift, v2);
      const e1 = await hours(v1, 'activity', s1, addDays(today, -3), 120);
      await hours(v2, 'activity', s2, addDays(today, -3), 90);
      const other = await insertActivity('不相关活动', addDays(today, -2));
      const s3 = await insertSignup(other.id, other.shift, v3);
      await hours(v3, 'activity', s3, addDays(today, -2), 300);
      await contacts([
        {
          kind: 'activity',
          sourceId: act.id,
          residentId: r['李泽钦'],
          occurredOn: addDays(today, -3),
          servedBy: '重阳敬老',
        },
        {
          kind: 'activity',
          sourceId: act.id,
          residentId: r['吕建国'],
          occurredOn: addDays(today, -3),
          servedBy: '重阳敬老',
        },
        {
          kind: 'activity',
          sourceId: other.id,
          residentId: r['王秀英'],
          occurredOn: addDays(today, -2),
          servedBy: '不相关',
        },
      ]);
      // The linked need, done by v3: hours and a contact; and a need outside the period (60 days ago).
      const need = await insertNeed(db(), t.a, '王秀英', 0, { status: 'done' });
      await hours(v3, 'need', need, addDays(today, -1), 45);
      await contacts([
        { kind: 'need', sourceId: need, residentId: r['王秀英'], occurredOn: addDays(today, -1), volunteerId: v3 },
      ]);
      const oldNeed = await insertNeed(db(), t.a, '李泽钦', 0, { status: 'done' });
      await hours(v3, 'need', oldNeed, addDays(today, -60), 60);
      await contacts([
        { kind: 'need', sourceId: oldNeed, residentId: r['李泽钦'], occurredOn: addDays(today, -60), volunteerId: v3 },
      ]);
      // The linked pairing: two visits (one corrected to zero: voided), each with a contact.
      const pairing = uuidv7();
      const now = new Date().toISOString();
      await db()
        .insertInto('pairing')
        .values({
          community_id: t.a.id,
          id: pairing,
          volunteer_id: v2,
          resident_id: r['李泽钦']!,
          item: 'chat',
          item_note: null,
          place: '家中',
          rrule: 'FREQ=WEEKLY',
          starts_on: from,
          ends_on: null,
          service_type_id: null,
          note: null,
          status: 'active',
          ended_on: null,
          end_reason: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const d of [-10, -5]) {
        const visit = uuidv7();
        await db()
          .insertInto('pairing_visit')
          .values({
            community_id: t.a.id,
            id: visit,
            pairing_id: pairing,
            volunteer_id: v2,
            resident_id: r['李泽钦']!,
            visited_on: addDays(today, d),
            minutes: 60,
            notes: null,
            logged_by: null,
            logged_by_name: '测试',
            logged_at: now,
          })
          .execute();
        const entry = await hours(v2, 'pairing_visit', visit, addDays(today, d), 60);
        if (d === -5) {
          const c = await staff('POST', `/api/hours/entries/${entry.id}/correct`, {
            minutes: 0,
            reason: '未成行，更正为零',
          });
          assert.ok(c.statusCode < 300, c.body);
        }
        await contacts([
          {
            kind: 'pairing_visit',
            sourceId: visit,
            residentId: r['李泽钦'],
            occurredOn: addDays(today, d),
            volunteerId: v2,
          },
        ]);
      }
      // The linked team: v1 is a member; a delivery v1 made counts, v3's (not a member) does not.
      const team = await insertTeam(db(), t.a.id, '红帽子小分队');
      await addTeamMember(db(), t.a.id, team, v1);
      await contacts([
        {
          kind: 'delivery',
          sourceId: uuidv7(),
          residentId: r['曾小红'],
          occurredOn: addDays(today, -7),
          volunteerId: v1,
        },
        {
          kind: 'delivery',
          sourceId: uuidv7(),
          residentId: r['吕建国'],
          occurredOn: addDays(today, -7),
          volunteerId: v3,
        },
      ]);
      await hours(v1, 'home_care', uuidv7(), addDays(today, -7), 30);
      // Verify v1's activity entry, so verified minutes differ from minutes in force.
      const vr = await staff('POST', '/api/hours/verify', { ids: [e1.id] });
      assert.equal(vr.statusCode, 200, vr.body);
      Object.assign(ids, { act: act.id, other: other.id, need, pairing, team });
    });
    after(() => t.close());

    it('creates a project, refusing bad input in words and a volunteer, writing nothing', async () => {
      const bad = await staff('POST', '/api/projects', { name: '', startsOn: to, endsOn: from, leadName: '马书记' });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json().error.message);
      const denied = await volunteer('POST', '/api/projects', { name: 'x', startsOn: from, endsOn: to, leadName: 'x' });
      assert.equal(denied.statusCode, 403);
      assert.equal((await volunteer('GET', '/api/projects')).statusCode, 403);
      const res = await staff('POST', '/api/projects', {
        name: '空巢老人关爱',
        goal: '为空巢老人提供陪伴与节日服务',
        targets: [
          { metric: 'services', group: 'empty_nest', target: 10 },
          { metric: 'hours', group: null, target: 20 },
          { metric: 'people', group: null, target: 5 },
        ],
        budgetFen: 500000,
        startsOn: from,
        endsOn: to,
        leadName: '马建军',
      });
      assert.equal(res.statusCode, 201, res.body);
      ids.project = res.json().id;
      const dup = await staff('POST', '/api/projects', {
        name: '空巢老人关爱',
        startsOn: from,
        endsOn: to,
        leadName: 'x',
      });
      assert.equal(dup.statusCode, 409);
      const list = (await staff('GET', '/api/projects')).json();
      assert.equal(list.length, 1);
      assert.equal(list[0].budgetFen, 500000);
    });

    it('links work of its own community only, and records spending', async () => {
      const p = ids.project!;
      for (const [kind, id] of [
        ['activity', ids.act],
        ['need', ids.need],
        ['pairing', ids.pairing],
        ['team', ids.team],
      ] as const) {
        const res = await staff('POST', `/api/projects/${p}/links`, { kind, targetId: id });
        assert.equal(res.statusCode, 204, res.body);
      }
      // Linking twice changes nothing; unknown work is 404.
      assert.equal(
        (await staff('POST', `/api/projects/${p}/links`, { kind: 'activity', targetId: ids.act })).statusCode,
        204,
      );
      assert.equal(
        (await staff('POST', `/api/projects/${p}/links`, { kind: 'team', targetId: uuidv7() })).statusCode,
        404,
      );
      // Another community's staff can neither read nor link into this project.
      assert.equal((await otherStaff('GET', `/api/projects/${p}`)).statusCode, 404);
      assert.equal((await otherStaff('GET', `/api/projects/${p}/report`)).statusCode, 404);
      const theirs = (
        await otherStaff('POST', '/api/projects', { name: '东关项目', startsOn: from, endsOn: to, leadName: 'x' })
      ).json().id;
      assert.equal(
        (await otherStaff('POST', `/api/projects/${theirs}/links`, { kind: 'activity', targetId: ids.act })).statusCode,
        404,
      );
      for (const [item, amountFen] of [
        ['慰问品', 120050],
        ['交通', 3000],
      ] as const)
        assert.equal(
          (await staff('POST', `/api/projects/${p}/spending`, { spentOn: today, item, amountFen })).statusCode,
          201,
        );
      assert.equal(
        (await staff('POST', `/api/projects/${p}/spending`, { spentOn: today, item: 'x', amountFen: -5 })).statusCode,
        400,
      );
      const d = (await staff('GET', `/api/projects/${p}`)).json();
      assert.equal(d.links.length, 4);
      assert.equal(d.spentFen, 123050);
      assert.ok(d.links.some((l: any) => l.kind === 'team' && l.label === '红帽子小分队'));
    });

    it('reports what it achieved, equal to a recount from the raw tables', async () => {
      const p = ids.project!;
      const rep = (await staff('GET', `/api/projects/${p}/report`)).json();
      // The recount: every raw row of the community, filtered here in plain code.
      const c = t.a.id;
      const links = await db()
        .selectFrom('project_link')
        .selectAll()
        .where('community_id', '=', c)
        .where('project_id', '=', p)
        .execute();
      const linked = (k: string) => new Set(links.filter((l) => l.kind === k).map((l) => l.target_id));
      const visits = await db().selectFrom('pairing_visit').selectAll().where('community_id', '=', c).execute();
      const visitIds = new Set(visits.filter((v) => linked('pairing').has(v.pairing_id)).map((v) => v.id));
      const signups = await db().selectFrom('activity_signup').selectAll().where('community_id', '=', c).execute();
      const signupIds = new Set(signups.filter((s) => linked('activity').has(s.activity_id)).map((s) => s.id));
      const members = new Set(
        (await db().selectFrom('team_member').selectAll().where('community_id', '=', c).execute())
          .filter((m) => m.status === 'active' && linked('team').has(m.team_id))
          .map((m) => m.volunteer_id),
      );
      const inPeriod = (d: string) => d >= rep.from && d <= rep.to;
      const allContacts = await db().selectFrom('contact').selectAll().where('community_id', '=', c).execute();
      const mine = allContacts.filter(
        (x) =>
          inPeriod(x.occurred_on) &&
          ((x.kind === 'activity' && linked('activity').has(x.source_id)) ||
            (x.kind === 'need' && linked('need').has(x.source_id)) ||
            (x.kind === 'pairing_visit' && visitIds.has(x.source_id)) ||
            (x.volunteer_id !== null && members.has(x.volunteer_id))),
      );
      const entries = (await db().selectFrom('hours_entry').selectAll().where('community_id', '=', c).execute()).filter(
        (e) =>
          e.kind === 'credit' &&
          e.corrected_by === null &&
          inPeriod(e.service_date) &&
          ((e.source === 'activity' && signupIds.has(e.source_id)) ||
            (e.source === 'need' && linked('need').has(e.source_id)) ||
            (e.source === 'pairing_visit' && visitIds.has(e.source_id)) ||
            members.has(e.volunteer_id)),
      );
      const minutes = entries.reduce((s, e) => s + Number(e.minutes), 0);
      const verified = entries.filter((e) => e.status === 'verified').reduce((s, e) => s + Number(e.minutes), 0);
      const decode = tagDecoder(t.cipher, c);
      const tags = await db().selectFrom('resident_tag').selectAll().where('community_id', '=', c).execute();
      const emptyNest = new Set(tags.filter((x) => decode.get(x.tag) === 'empty_nest').map((x) => x.resident_id));
      const emptyNestServices = mine.filter((x) => x.resident_id && emptyNest.has(x.resident_id)).length;

      assert.equal(rep.services, mine.length);
      assert.equal(rep.people, new Set(mine.map((x) => x.subject_id)).size);
      assert.equal(rep.minutes, minutes);
      assert.equal(rep.verifiedMinutes, verified);
      // And the figures this data set was built to give: 2 activity + 1 need + 2 visits + 1 member delivery.
      assert.equal(rep.services, 6);
      assert.equal(rep.people, 4);
      assert.equal(rep.minutes, 120 + 90 + 45 + 60 + 0 + 30);
      assert.equal(rep.verifiedMinutes, 120);
      assert.equal(rep.volunteers, 3);
      assert.deepEqual(rep.byKind, [
        { kind: 'activity', services: 2 },
        { kind: 'delivery', services: 1 },
        { kind: 'need', services: 1 },
        { kind: 'pairing_visit', services: 2 },
      ]);
      const en = rep.byGroup.find((g: any) => g.group === 'empty_nest');
      assert.deepEqual(en, { group: 'empty_nest', services: emptyNestServices, people: 2 });
      assert.deepEqual(
        rep.targets.map((x: any) => [x.metric, x.achieved, x.target]),
        [
          ['services', emptyNestServices, 10],
          ['hours', 5, 20],
          ['people', 4, 5],
        ],
      );
      assert.equal(rep.budgetFen, 500000);
      assert.equal(rep.spentFen, 123050);
      // A narrower range inside the period counts less: only the last week.
      const week = (await staff('GET', `/api/projects/${p}/report?from=${addDays(today, -6)}`)).json();
      assert.equal(week.services, 4); // the activity's two (3 days ago), the need and the visit of 5 days ago
    });

    it('exports the report as Excel and PDF with the same figures', async () => {
      const p = ids.project!;
      const x = await staff('GET', `/api/projects/${p}/report/export`);
      assert.equal(x.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as any);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
      assert.deepEqual(
        rows.find((r) => r[1] === '服务人次'),
        ['成效', '服务人次', '6'],
      );
      assert.deepEqual(
        rows.find((r) => r[1] === '已支出（元）'),
        ['预算', '已支出（元）', '1230.50'],
      );
      const pdf = await staff('GET', `/api/projects/${p}/report.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal((await volunteer('GET', `/api/projects/${p}/report.pdf`)).statusCode, 403);
    });

    it('unlinks work and removes spending, and the report follows', async () => {
      const p = ids.project!;
      assert.equal((await staff('DELETE', `/api/projects/${p}/links/team/${ids.team}`)).statusCode, 204);
      assert.equal((await staff('DELETE', `/api/projects/${p}/links/team/${ids.team}`)).statusCode, 404);
      const rep = (await staff('GET', `/api/projects/${p}/report`)).json();
      assert.equal(rep.services, 5);
      assert.equal(rep.minutes, 120 + 90 + 45 + 60);
    });
  });
}
