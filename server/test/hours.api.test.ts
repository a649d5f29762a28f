// The hours ledger on both databases: pairing visits and appointment sessions record pending entries; staff
// verify them in a queue; a correction is a new entry that points at the old; honour hours are the admin's and
// never count toward stars; overlapping, duplicate, negative and future entries are refused and change nothing;
// the running totals always equal the sum of the entries that count, even under racing verify and correct, and
// when two staff verify crossing batches at once (no deadlock); an objection is answered once, in words in
// Chinese and English, and an old one stays answerable however many newer ones there are.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  signInAs,
  signInAll,
  startTestApp,
  insertAccountVolunteer,
  recordService,
  type Client,
  type TestContext,
} from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { addTeamMember, insertTeam, insertVolunteer, setMembershipScope } from './volunteer-factories.ts';
import { addDays, shanghaiInstant, todayInShanghai, weekdayOf } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { AppError } from '../src/platform/errors.ts';

for (const kind of testDatabaseKinds()) {
  describe(`hours ledger on ${kind}`, () => {
    let t: TestContext;
    let admin: Client, staff: Client, me: Client, leader: Client;
    let myId: string, otherId: string, pairingId: string;
    const today = todayInShanghai();

    /** Every volunteer's running totals equal the sums over entries nobody corrected. */
    async function assertTotalsMatchEntries() {
      const db = t.db.handle.db;
      const entries = await db.selectFrom('hours_entry').selectAll().where('community_id', '=', t.a.id).execute();
      const sums = new Map<string, { credit: number; honour: number; pending: number; entries: number }>();
      for (const e of entries) {
        const s = sums.get(e.volunteer_id) ?? { credit: 0, honour: 0, pending: 0, entries: 0 };
        sums.set(e.volunteer_id, s);
        if (e.corrected_by !== null) continue;
        const m = Number(e.minutes);
        if (m > 0) s.entries++;
        if (e.kind === 'honour') s.honour += m;
        else if (e.status === 'verified') s.credit += m;
        else s.pending += m;
      }
      const totals = await db.selectFrom('hours_total').selectAll().where('community_id', '=', t.a.id).execute();
      for (const row of totals) {
        const s = sums.get(row.volunteer_id)!;
        assert.deepEqual(
          {
            credit: Number(row.credit_minutes),
            honour: Number(row.honour_minutes),
            pending: Number(row.pending_minutes),
            entries: Number(row.entries),
          },
          s,
          `totals of ${row.volunteer_id}`,
        );
      }
      assert.equal(totals.length, sums.size);
    }

    before(async () => {
      t = await startTestApp(kind);
      const db = t.db.handle.db;
      [admin, staff, me] = await signInAll(t, ['community_admin', 'staff', 'volunteer']);
      myId = await insertAccountVolunteer(t, 'volunteer', {
        name: '刘红梅',
      });
      otherId = await insertVolunteer(db, t.cipher, t.a.id, { name: '张建华' });
      const team = await insertTeam(db, t.a.id, '敲门队');
      await addTeamMember(db, t.a.id, team, myId);
      await setMembershipScope(db, t.a.id, t.a.phones.team_leader, { teamId: team });
      leader = await signInAs(t, 'team_leader');
      const p = await admin('POST', '/api/pairings', {
        volunteerId: myId,
        residentId: t.a.residents['吕建国'],
        item: 'weekly_visit',
        place: '2号楼',
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU',
        startsOn: addDays(today, -40),
      });
      assert.equal(p.statusCode, 201, p.body);
      pairingId = p.json().id;
    });
    after(async () => {
      await t.close();
    });

    it('a logged visit waits in the queue; verifying it counts it toward the star level', async () => {
      const v = await me('POST', `/api/my/pairings/${pairingId}/visits`, {
        visitedOn: addDays(today, -2),
        minutes: 90,
        notes: '量血压',
      });
      assert.equal(v.statusCode, 201, v.body);
      let mine = (await me('GET', '/api/hours/mine')).json();
      assert.equal(mine.summary.pendingHours, 1.5);
      assert.equal(mine.summary.creditHours, 0);
      const entry = mine.entries.items[0];
      assert.equal(entry.source, 'pairing_visit');
      assert.equal(entry.description, '三定结对 · 每周探访');
      assert.equal(entry.status, 'pending');
      const queue = (await staff('GET', '/api/hours/queue')).json();
      assert.deepEqual(
        queue.items.map((e: any) => e.id),
        [entry.id],
      );
      const r = (await staff('POST', '/api/hours/verify', { ids: [entry.id] })).json();
      assert.deepEqual(r, { verified: [entry.id], skipped: [] });
      // Verifying twice is harmless and reported.
      assert.deepEqual((await staff('POST', '/api/hours/verify', { ids: [entry.id] })).json(), {
        verified: [],
        skipped: [entry.id],
      });
      mine = (await me('GET', '/api/hours/mine')).json();
      assert.equal(mine.summary.creditHours, 1.5);
      assert.equal(mine.summary.pendingHours, 0);
      assert.equal(mine.summary.starLevel, 0);
      assert.equal(mine.summary.hoursToNextStar, 98.5);
      assert.equal(mine.entries.items[0].verifiedByName.length > 0, true);
      assert.equal((await staff('GET', '/api/hours/queue')).json().total, 0);
      await assertTotalsMatchEntries();
    });

    it('flags staff-logged visits for review; a correction points at the old entry and never deletes it', async () => {
      const v = await staff('POST', `/api/pairings/${pairingId}/visits`, {
        visitedOn: addDays(today, -3),
        minutes: 120,
      });
      assert.equal(v.statusCode, 201, v.body);
      const [pending] = (await staff('GET', '/api/hours/queue?reviewOnly=true')).json().items;
      assert.equal(pending.reviewReason, 'logged_by_staff');
      const c = await staff('POST', `/api/hours/entries/${pending.id}/correct`, {
        minutes: 60,
        reason: '家属说只待了一小时',
      });
      assert.equal(c.statusCode, 201, c.body);
      // The old entry is still there, marked as corrected; the new one is verified and points at it.
      const list = (await staff('GET', `/api/hours/volunteers/${myId}`)).json().entries.items;
      const old = list.find((e: any) => e.id === pending.id);
      const fix = list.find((e: any) => e.id === c.json().id);
      assert.equal(old.correctedBy, fix.id);
      assert.equal(fix.correctsId, old.id);
      assert.equal(fix.status, 'verified');
      assert.equal(fix.minutes, 60);
      // Only the latest entry of a chain can be corrected.
      const again = await staff('POST', `/api/hours/entries/${pending.id}/correct`, { minutes: 30, reason: '再改' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'correction_conflict');
      // A verified entry can be voided (0 minutes): it stops counting.
      const voided = await staff('POST', `/api/hours/entries/${fix.id}/correct`, { minutes: 0, reason: '重复登记' });
      assert.equal(voided.statusCode, 201);
      const summary = (await me('GET', '/api/hours/mine')).json().summary;
      assert.equal(summary.creditHours, 1.5);
      assert.equal(
        (await t.db.handle.db.selectFrom('hours_entry').select('id').where('community_id', '=', t.a.id).execute())
          .length,
        4,
      );
      await assertTotalsMatchEntries();
    });

    it('refuses negative, too long and future entries, overlaps and duplicates, and changes nothing', async () => {
      const db = t.db.handle.db;
      const count = async () =>
        (await db.selectFrom('hours_entry').select('id').where('community_id', '=', t.a.id).execute()).length;
      const n = await count();
      const [entry] = (await staff('GET', `/api/hours/volunteers/${myId}`)).json().entries.items;
      for (const [body, field, msg] of [
        [{ minutes: -5, reason: 'x' }, 'minutes', /不能为负数/],
        [{ minutes: 2000, reason: 'x' }, 'minutes', /最多 16 小时/],
        [{ minutes: 30, reason: ' ' }, 'reason', /必填/],
      ] as const) {
        const r = await staff('POST', `/api/hours/entries/${entry.id}/correct`, body);
        assert.equal(r.statusCode, 400, r.body);
        assert.equal(r.json().error.details.fields[0].field, field);
        assert.match(r.json().error.details.fields[0].message, msg);
      }
      assert.equal((await staff('POST', `/api/hours/entries/${entry.id}/correct`, { minutes: 30 })).statusCode, 400);
      const tooLong = await staff('POST', `/api/pairings/${pairingId}/visits`, {
        visitedOn: addDays(today, -4),
        minutes: -30,
      });
      assert.equal(tooLong.statusCode, 400);
      const svc = t.app.services.hours;
      const start = shanghaiInstant(addDays(today, -5), 9 * 60),
        end = shanghaiInstant(addDays(today, -5), 11 * 60);
      const base = {
        communityId: t.a.id,
        volunteerId: otherId,
        source: 'activity' as const,
        serviceDate: addDays(today, -5),
        description: '重阳敬老',
      };
      await db
        .transaction()
        .execute((trx) =>
          svc.recordService(trx, { ...base, sourceId: 's1', startedAt: start, endedAt: end, minutes: 120 }),
        );
      const refused = async (r: Parameters<typeof svc.recordService>[1], code: string) => {
        await assert.rejects(
          db.transaction().execute((trx) => svc.recordService(trx, r)),
          (e: unknown) => e instanceof AppError && e.code === code,
        );
      };
      // 10:00–12:00 meets 09:00–11:00.
      await refused(
        {
          ...base,
          sourceId: 's2',
          startedAt: shanghaiInstant(addDays(today, -5), 600),
          endedAt: shanghaiInstant(addDays(today, -5), 720),
          minutes: 120,
        },
        'hours_overlap',
      );
      await refused({ ...base, sourceId: 's1', minutes: 30 }, 'hours_duplicate');
      await refused({ ...base, sourceId: 's3', minutes: 0 }, 'validation');
      await refused({ ...base, sourceId: 's4', minutes: 30, serviceDate: addDays(today, 1) }, 'validation');
      await refused({ ...base, sourceId: 's5', startedAt: end, endedAt: start, minutes: 30 }, 'validation');
      // Right after, 11:00–12:00, is fine.
      await db.transaction().execute((trx) =>
        svc.recordService(trx, {
          ...base,
          sourceId: 's6',
          startedAt: end,
          endedAt: shanghaiInstant(addDays(today, -5), 720),
          minutes: 60,
        }),
      );
      assert.equal(await count(), n + 2);
      await assertTotalsMatchEntries();
    });

    it('honour hours are the admin’s, verified at once and never counted toward stars', async () => {
      const body = { volunteerId: otherId, serviceDate: addDays(today, -1), minutes: 600, reason: '抗疫先进' };
      assert.equal((await staff('POST', '/api/hours/honour', body)).statusCode, 403);
      const r = await admin('POST', '/api/hours/honour', body);
      assert.equal(r.statusCode, 201, r.body);
      const s = (await admin('GET', `/api/hours/volunteers/${otherId}`)).json().summary;
      assert.equal(s.honourHours, 10);
      assert.equal(s.creditHours, 0);
      assert.equal(s.starLevel, 0);
      // Only the admin corrects an honour grant.
      assert.equal(
        (await staff('POST', `/api/hours/entries/${r.json().id}/correct`, { minutes: 300, reason: 'x' })).statusCode,
        403,
      );
      await assertTotalsMatchEntries();
    });

    it('applies the community’s rounding to new entries; star thresholds are configurable and validated', async () => {
      const bad = await admin('PUT', '/api/hours/settings', {
        rounding: null,
        starThresholds: [100, 50, 600, 1000, 1500],
        pointsPerHour: 1,
        pointsDailyCap: null,
        pointsTotalCap: null,
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /逐级递增/);
      assert.equal(
        (
          await staff('PUT', '/api/hours/settings', {
            rounding: null,
            starThresholds: [1, 2, 3, 4, 5],
            pointsPerHour: 1,
            pointsDailyCap: null,
            pointsTotalCap: null,
          })
        ).statusCode,
        403,
      );
      const ok = await admin('PUT', '/api/hours/settings', {
        rounding: { unit: 30, mode: 'down' },
        starThresholds: [1, 3, 6, 10, 15],
        pointsPerHour: 1,
        pointsDailyCap: null,
        pointsTotalCap: null,
      });
      assert.equal(ok.statusCode, 204, ok.body);
      const v = await me('POST', `/api/my/pairings/${pairingId}/visits`, {
        visitedOn: addDays(today, -6),
        minutes: 50,
      });
      assert.equal(v.statusCode, 201);
      const entry = (await me('GET', '/api/hours/mine'))
        .json()
        .entries.items.find((e: any) => e.serviceDate === addDays(today, -6));
      assert.equal(entry.rawMinutes, 50);
      assert.equal(entry.minutes, 30);
      await staff('POST', '/api/hours/verify', { ids: [entry.id] });
      const s = (await me('GET', '/api/hours/mine')).json().summary;
      assert.equal(s.creditHours, 2);
      assert.equal(s.starLevel, 1);
      assert.deepEqual(s.starThresholds, [1, 3, 6, 10, 15]);
      await admin('PUT', '/api/hours/settings', {
        rounding: null,
        starThresholds: [100, 300, 600, 1000, 1500],
        pointsPerHour: 1,
        pointsDailyCap: null,
        pointsTotalCap: null,
      });
    });

    it('appointment sessions give their providers the scheduled time; only providers', async () => {
      const date = addDays(today, -1);
      const svc = await admin('POST', '/api/appointments/services', {
        name: '义诊',
        kind: 'clinic',
        place: '服务站',
        slotMinutes: 30,
        placesPerSlot: 2,
        windowDays: 7,
        noticeHours: 0,
        providerIds: [otherId],
        schedule: [{ weekday: weekdayOf(date), startMinute: 14 * 60, endMinute: 16 * 60 }],
      });
      assert.equal(svc.statusCode, 201, svc.body);
      const id = svc.json().id;
      const notProvider = await staff('POST', `/api/appointments/services/${id}/served`, {
        date,
        volunteerIds: [myId],
      });
      assert.equal(notProvider.statusCode, 400);
      const r = await staff('POST', `/api/appointments/services/${id}/served`, { date, volunteerIds: [otherId] });
      assert.equal(r.statusCode, 201, r.body);
      assert.deepEqual(r.json(), { entries: 1, minutes: 120 });
      assert.equal(
        (await staff('POST', `/api/appointments/services/${id}/served`, { date, volunteerIds: [otherId] })).json().error
          .code,
        'hours_duplicate',
      );
      const noSession = await staff('POST', `/api/appointments/services/${id}/served`, {
        date: addDays(date, -1),
        volunteerIds: [otherId],
      });
      assert.equal(noSession.statusCode, 409);
      await assertTotalsMatchEntries();
    });

    it('a team leader reads the hours of their own team only; a volunteer only their own', async () => {
      assert.equal((await leader('GET', `/api/hours/volunteers/${myId}`)).statusCode, 200);
      assert.equal((await leader('GET', `/api/hours/volunteers/${otherId}`)).statusCode, 403);
      assert.equal((await me('GET', `/api/hours/volunteers/${otherId}`)).statusCode, 403);
      assert.equal((await me('GET', '/api/hours/queue')).statusCode, 403);
      assert.equal((await leader('POST', '/api/hours/verify', { ids: [otherId] })).statusCode, 403);
    });

    it('a volunteer objects to an entry or a missing service; staff answer once and she is told', async () => {
      const [entry] = (await me('GET', '/api/hours/mine')).json().entries.items;
      const bad = [
        [{ reason: '少记了' }, 'serviceDate'],
        [{ entryId: entry.id, serviceDate: today, reason: '两个都填' }, 'serviceDate'],
        [{ serviceDate: addDays(today, 3), reason: '明天的' }, 'serviceDate'],
        [
          {
            entryId: (await staff('GET', `/api/hours/volunteers/${otherId}`)).json().entries.items[0].id,
            reason: '别人的',
          },
          'entryId',
        ],
        [{ entryId: entry.id, reason: '  ' }, 'reason'],
      ] as const;
      for (const [body, field] of bad) {
        const r = await me('POST', '/api/hours/mine/disputes', body);
        assert.equal(r.statusCode, 400, `${JSON.stringify(body)} → ${r.body}`);
        assert.equal(r.json().error.details.fields[0].field, field, r.body);
      }
      assert.equal((await staff('GET', '/api/hours/disputes')).json().total, 0, 'nothing was written');
      const one = await me('POST', '/api/hours/mine/disputes', { entryId: entry.id, reason: '那天我待了两个小时' });
      assert.equal(one.statusCode, 201, one.body);
      const gap = await me('POST', '/api/hours/mine/disputes', {
        serviceDate: addDays(today, -9),
        reason: '重阳节活动没有记上',
      });
      assert.equal(gap.statusCode, 201);
      const open = (await staff('GET', '/api/hours/disputes?status=open')).json().items;
      assert.deepEqual(open.map((d: any) => d.reason).sort(), ['那天我待了两个小时', '重阳节活动没有记上'].sort());
      assert.equal(open.find((d: any) => d.entryId === entry.id).entryDescription, entry.description);
      const onePage = (await staff('GET', '/api/hours/disputes?status=open&pageSize=1&page=2')).json();
      assert.deepEqual([onePage.items.length, onePage.total, onePage.page], [1, 2, 2]);
      assert.equal((await leader('GET', '/api/hours/disputes')).statusCode, 403);
      const answer = await staff('POST', `/api/hours/disputes/${one.json().id}/resolve`, {
        resolution: '已核实，已更正为 2 小时',
      });
      assert.equal(answer.statusCode, 204, answer.body);
      const again = await admin('POST', `/api/hours/disputes/${one.json().id}/resolve`, { resolution: '再答一次' });
      assert.equal(again.statusCode, 409);
      const mine = (await me('GET', '/api/hours/mine/disputes')).json();
      assert.equal(mine.find((d: any) => d.id === one.json().id).resolution, '已核实，已更正为 2 小时');
      const sms = await t.db.handle.db
        .selectFrom('notification_outbox')
        .select(['recipient', 'payload'])
        .where('template', '=', 'hours.dispute_resolved')
        .execute();
      assert.equal(sms.length, 1);
      assert.match(sms[0]!.payload, /已核实/);
    });

    it('racing verifications and corrections of the same entries never count an entry twice', async () => {
      const svc = t.app.services.hours;
      const db = t.db.handle.db;
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await db.transaction().execute((trx) =>
          svc.recordService(trx, {
            communityId: t.a.id,
            volunteerId: otherId,
            source: 'activity',
            sourceId: `race-${i}`,
            serviceDate: addDays(today, -10),
            minutes: 60,
            description: '巡逻',
          }),
        );
        ids.push(r.id);
      }
      const results = await Promise.allSettled(
        ids.flatMap((id) => [
          staff('POST', '/api/hours/verify', { ids: [id] }),
          admin('POST', `/api/hours/entries/${id}/correct`, { minutes: 30, reason: '只有半小时' }),
        ]),
      );
      assert.ok(
        results.every((r) => r.status === 'fulfilled' && r.value.statusCode < 500),
        JSON.stringify(results.map((r) => (r.status === 'fulfilled' ? r.value.statusCode : r.reason))),
      );
      await assertTotalsMatchEntries();
    });

    it('answering an objection twice is refused in words, in Chinese and English, and changes nothing', async () => {
      const d = await me('POST', '/api/hours/mine/disputes', { serviceDate: today, reason: '重阳节活动漏记了' });
      assert.equal(d.statusCode, 201, d.body);
      const id = d.json().id;
      assert.equal(
        (await staff('POST', `/api/hours/disputes/${id}/resolve`, { resolution: '已补录' })).statusCode,
        204,
      );
      const zh = await staff('POST', `/api/hours/disputes/${id}/resolve`, { resolution: '再答复' });
      assert.equal(zh.statusCode, 409);
      assert.equal(zh.json().error.code, 'dispute_resolved');
      assert.equal(zh.json().error.message, '这条异议已经答复过了');
      const en = await staff(
        'POST',
        `/api/hours/disputes/${id}/resolve`,
        { resolution: 'again' },
        { 'accept-language': 'en' },
      );
      assert.equal(en.json().error.message, 'This objection has already been answered');
      const mine = (await me('GET', '/api/hours/mine/disputes')).json().find((x: any) => x.id === id);
      assert.equal(mine.resolution, '已补录', 'the first answer stands');
    });

    it('an old objection can still be answered when more than 500 newer ones exist', async () => {
      const db = t.db.handle.db;
      const old = await me('POST', '/api/hours/mine/disputes', {
        serviceDate: addDays(today, -30),
        reason: '最早的一条',
      });
      assert.equal(old.statusCode, 201, old.body);
      const later = new Date(Date.now() + 60_000);
      const rows = Array.from({ length: 510 }, (_, i) => ({
        community_id: t.a.id,
        id: uuidv7(),
        volunteer_id: myId,
        entry_id: null,
        service_date: today,
        reason: `第${i}条`,
        status: 'open',
        created_at: new Date(later.getTime() + i * 1000).toISOString(),
        resolved_by: null,
        resolved_by_name: null,
        resolved_at: null,
        resolution: null,
      }));
      for (let i = 0; i < rows.length; i += 100)
        await db
          .insertInto('hours_dispute')
          .values(rows.slice(i, i + 100))
          .execute();
      const r = await staff('POST', `/api/hours/disputes/${old.json().id}/resolve`, { resolution: '已核实' });
      assert.equal(r.statusCode, 204, r.body);
      const row = await db
        .selectFrom('hours_dispute')
        .select(['status', 'resolution'])
        .where('id', '=', old.json().id)
        .executeTakeFirstOrThrow();
      assert.deepEqual({ ...row }, { status: 'resolved', resolution: '已核实' });
    });

    it('two staff verifying crossing batches at once both succeed, and the totals equal the entries', async () => {
      const db = t.db.handle.db;
      const a = await insertVolunteer(db, t.cipher, t.a.id, { name: '甲志愿者' });
      const b = await insertVolunteer(db, t.cipher, t.a.id, { name: '乙志愿者' });
      const record = (volunteerId: string, daysAgo: number) =>
        recordService(t, { volunteerId, minutes: 60, date: addDays(today, -daysAgo), description: '社区清扫' });
      const rounds = 10;
      for (let i = 0; i < rounds; i++) {
        const [a1, b1, a2, b2] = [
          await record(a, 1 + i),
          await record(b, 1 + i),
          await record(a, 20 + i),
          await record(b, 20 + i),
        ];
        // The same two volunteers in opposite orders: A then B, B then A.
        const [x, y] = await Promise.all([
          staff('POST', '/api/hours/verify', { ids: [a1, b1] }),
          staff('POST', '/api/hours/verify', { ids: [b2, a2] }),
        ]);
        assert.equal(x.statusCode, 200, x.body);
        assert.equal(y.statusCode, 200, y.body);
        assert.deepEqual(x.json(), { verified: [a1, b1], skipped: [] }, 'reported in the order asked');
        assert.deepEqual(y.json(), { verified: [b2, a2], skipped: [] });
      }
      for (const v of [a, b]) {
        const total = await db
          .selectFrom('hours_total')
          .selectAll()
          .where('community_id', '=', t.a.id)
          .where('volunteer_id', '=', v)
          .executeTakeFirstOrThrow();
        assert.deepEqual(
          { credit: Number(total.credit_minutes), pending: Number(total.pending_minutes) },
          { credit: rounds * 2 * 60, pending: 0 },
        );
      }
      const pts = (await staff('GET', `/api/points/volunteers/${a}`)).json();
      assert.equal(pts.earned, rounds * 2 * pts.rule.pointsPerHour, 'points earned once per verified hour');
    });
  });
}
