// The yearly health check (体检) of commended volunteers, on both databases: staff book a commended volunteer's
// check (date, time, place), the volunteer is told through the outbox and sees it on the phone, staff record the
// result (done or missed) with a short note kept encrypted; only commended volunteers can be booked, no result
// before the day, every write and read of the notes audited, and roles without the permission refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { cellText } from '../src/platform/excel.ts';
import { insertAccountVolunteer, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer, addTeamMember, insertTeam, setMembershipScope } from './volunteer-factories.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

const today = todayInShanghai();
const year = Number(today.slice(0, 4));

for (const kind of testDatabaseKinds()) {
  describe(`health check of commended volunteers on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, me: Client, leader: Client, other: Client;
    let myId: string, plainId: string;
    const db = () => t.db.handle.db;

    /** An approved nomination of `volunteerId` in the year's first quarter: commended. */
    const commend = async (volunteerId: string) => {
      await db()
        .insertInto('recognition_nomination')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          quarter: `${year}Q1`,
          volunteer_id: volunteerId,
          team_id: null,
          reason: '服务时长第一',
          score: 90,
          parts: '[]',
          credit_minutes: 6000,
          nominated_by: 'x',
          nominated_by_name: '工作人员',
          nominated_at: new Date().toISOString(),
          status: 'approved',
          decided_by: null,
          decided_by_name: '书记',
          decided_at: new Date().toISOString(),
          decision_note: null,
        })
        .execute();
    };
    const book = (who: Client, volunteerId: string, body: Record<string, unknown>) =>
      who('PUT', `/api/recognition/health-check/volunteers/${volunteerId}/booking`, { year, ...body });
    const outbox = () =>
      db()
        .selectFrom('notification_outbox')
        .selectAll()
        .where('template', '=', 'recognition.health_check_booked')
        .orderBy('created_at')
        .execute();
    const audits = (action: string) =>
      db()
        .selectFrom('audit_log')
        .select(['detail'])
        .where('community_id', '=', t.a.id)
        .where('action', '=', action)
        .execute();

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      myId = await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅', phone: t.a.phones.volunteer });
      me = await signInAs(t, 'volunteer');
      plainId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '未表彰' });
      const teamId = await insertTeam(db(), t.a.id, '邻里互助服务队');
      await addTeamMember(db(), t.a.id, teamId, myId);
      await setMembershipScope(db(), t.a.id, t.a.phones.team_leader, { teamId });
      leader = await signInAs(t, 'team_leader');
      other = await signInAs(t, 'staff', 'b');
      await commend(myId);
    });
    after(async () => {
      await t.close();
    });

    it('books a commended volunteer, tells them, and shows it on their phone', async () => {
      const date = addDays(today, 7);
      const res = await book(staff, myId, { date, time: '08:30', place: '宝鸡市中心医院体检中心' });
      assert.equal(res.statusCode, 200, res.body);
      const b = res.json();
      assert.deepEqual(
        [b.volunteerName, b.date, b.time, b.place, b.status, b.note],
        ['刘红梅', date, '08:30', '宝鸡市中心医院体检中心', 'booked', null],
      );
      const sent = await outbox();
      assert.equal(sent.length, 1);
      assert.equal(sent[0]!.recipient, t.a.phones.volunteer);
      assert.deepEqual(JSON.parse(sent[0]!.payload), {
        name: '刘红梅',
        year,
        date,
        time: '08:30',
        place: '宝鸡市中心医院体检中心',
      });
      const mine = (await me('GET', '/api/recognition/health-check/mine')).json();
      assert.deepEqual(mine.items, [
        { id: b.id, year, date, time: '08:30', place: '宝鸡市中心医院体检中心', status: 'booked' },
      ]);
      // Re-booking moves the same booking and tells the volunteer again.
      const moved = await book(staff, myId, { date: addDays(today, -1), place: '金台区人民医院' });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().id, b.id);
      assert.equal(moved.json().time, null);
      assert.equal((await outbox()).length, 2);
      assert.equal((await audits('recognition.health_check_booked')).length, 1);
      assert.equal((await audits('recognition.health_check_rebooked')).length, 1);
    });

    it('records the result with an encrypted note, not before the day', async () => {
      const list = (await staff('GET', `/api/recognition/health-check/bookings?year=${year}`)).json();
      assert.equal(list.items.length, 1);
      assert.deepEqual([list.total, list.page, list.pageSize], [1, 1, 200]);
      assert.equal(
        (await staff('GET', `/api/recognition/health-check/bookings?year=${year}&page=2`)).json().items.length,
        0,
      );
      assert.equal(
        (await staff('GET', `/api/recognition/health-check/bookings?year=${year}&pageSize=500`)).statusCode,
        400,
      );
      const id = list.items[0].id;
      const note = '本人因出差未到，已约下次';
      const res = await staff('POST', `/api/recognition/health-check/bookings/${id}/result`, {
        result: 'missed',
        note,
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().status, res.json().note], ['missed', note]);
      assert.ok(res.json().resultAt);
      // At rest the note is sealed; the audit entry says there is a note, not what it says.
      const row = await db().selectFrom('health_check').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.ok(row.note_enc && !row.note_enc.includes('出差'));
      assert.equal(t.cipher.decrypt(row.note_enc), note);
      const [entry] = await audits('recognition.health_check_result');
      assert.ok(entry && !entry.detail.includes('出差'));
      assert.deepEqual(JSON.parse(entry.detail).note, true);
      // Reading the notes is audited.
      const reads = (await audits('recognition.health_check_read')).length;
      const again = (await staff('GET', `/api/recognition/health-check/bookings?year=${year}`)).json();
      assert.equal(again.items[0].note, note);
      assert.equal((await audits('recognition.health_check_read')).length, reads + 1);
      // The volunteer sees the outcome but not the staff's note.
      const mine = (await me('GET', '/api/recognition/health-check/mine')).json();
      assert.equal(mine.items[0].status, 'missed');
      assert.ok(!('note' in mine.items[0]));
      // Done after re-booking for today; a future booking takes no result yet.
      assert.equal((await book(staff, myId, { date: today, place: '金台区人民医院' })).json().status, 'booked');
      const done = await staff('POST', `/api/recognition/health-check/bookings/${id}/result`, { result: 'done' });
      assert.deepEqual([done.json().status, done.json().note], ['done', null]);
      await book(staff, myId, { date: addDays(today, 3), place: '金台区人民医院' });
      const early = await staff('POST', `/api/recognition/health-check/bookings/${id}/result`, { result: 'done' });
      assert.equal(early.statusCode, 400, early.body);
      assert.match(early.json().error.details.fields[0].message, /还没到/);
    });

    it('exports the bookings without the notes, audited', async () => {
      const res = await staff('GET', `/api/recognition/health-check/bookings/export?year=${year}`);
      assert.equal(res.statusCode, 200, res.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(cellText)));
      assert.deepEqual(rows[0], ['姓名', '体检日期', '时间', '体检地点', '情况']);
      assert.equal(rows.length, 2);
      assert.equal(rows[1]![0], '刘红梅');
      assert.ok(!JSON.stringify(rows).includes('出差'));
      const [entry] = await audits('recognition.health_check_bookings_export');
      assert.equal(JSON.parse(entry!.detail).rows, 1);
      assert.equal((await me('GET', `/api/recognition/health-check/bookings/export?year=${year}`)).statusCode, 403);
    });

    it('refuses who is not commended, bad input, other roles and other communities', async () => {
      const notCommended = await book(staff, plainId, { date: today, place: '金台区人民医院' });
      assert.equal(notCommended.statusCode, 400);
      assert.match(notCommended.json().error.details.fields[0].message, /没有受到表彰/);
      for (const body of [
        { date: '2026-02-30', place: '金台区人民医院' },
        { date: today, place: '' },
        { date: today, place: '医院', time: '25:00' },
      ]) {
        const r = await book(staff, myId, body);
        assert.equal(r.statusCode, 400, `${JSON.stringify(body)} → ${r.body}`);
      }
      const bad = await staff('POST', `/api/recognition/health-check/bookings/${uuidv7()}/result`, { result: 'ill' });
      assert.equal(bad.statusCode, 400);
      const missing = await staff('POST', `/api/recognition/health-check/bookings/${uuidv7()}/result`, {
        result: 'done',
      });
      assert.equal(missing.statusCode, 404);
      // A volunteer cannot book or read the notes; a team leader (team scope) neither.
      assert.equal((await book(me, myId, { date: today, place: '金台区人民医院' })).statusCode, 403);
      assert.equal((await me('GET', `/api/recognition/health-check/bookings?year=${year}`)).statusCode, 403);
      assert.equal((await book(leader, myId, { date: today, place: '金台区人民医院' })).statusCode, 403);
      assert.equal((await leader('GET', `/api/recognition/health-check/bookings?year=${year}`)).statusCode, 403);
      // Another community's staff see none of it and cannot book community a's volunteer.
      assert.equal((await other('GET', `/api/recognition/health-check/bookings?year=${year}`)).json().items.length, 0);
      assert.equal((await book(other, myId, { date: today, place: '金台区人民医院' })).statusCode, 400);
      const id = (await staff('GET', `/api/recognition/health-check/bookings?year=${year}`)).json().items[0].id;
      assert.equal(
        (await other('POST', `/api/recognition/health-check/bookings/${id}/result`, { result: 'done' })).statusCode,
        404,
      );
    });
  });
}
