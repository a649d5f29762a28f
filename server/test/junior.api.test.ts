// 小小志愿者 on both databases: staff flag an activity (create and edit, read back on the console, the phone and the
// public data API); on it a minor signs up naming an accompanying adult, an adult of their household or an approved
// adult volunteer with a confirmed place on the same shift, and the one gate refuses anyone else (409, zh and en).
// Every path enforces it (staff sign-up, self sign-up, swap take, waitlist promotion); other activities keep their
// rules. An adult's cancellation cancels the children who named them and tells the child, the guardian and the
// organiser through the outbox. Two sign-ups racing for the last place never overbook it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAccountVolunteer, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { insertVolunteer } from './volunteer-factories.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

const today = todayInShanghai();
const yearsAgo = (n: number) => `${Number(today.slice(0, 4)) - n}${today.slice(4)}`;

for (const kind of testDatabaseKinds()) {
  describe(`小小志愿者 on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, child: Client, adultB: Client, C: Client;
    let childId: string, adultBId: string, cId: string, teacherId: string, childResidentId: string;
    const db = () => t.db.handle.db;
    const GUARDIAN_PHONE = '13900000077';

    const activity = async (title: string, places: number, extra: Record<string, unknown> = {}) => {
      const res = await staff('POST', '/api/activities', {
        title,
        place: '西关社区服务站',
        date: addDays(today, 4),
        shifts: [{ name: '宣传组', start: '09:00', end: '11:00', places }],
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().id as string;
      assert.equal((await staff('POST', `/api/activities/${id}/publish`)).statusCode, 204);
      return { id, shiftId: (await staff('GET', `/api/activities/${id}`)).json().shifts[0].id as string };
    };
    const junior = (title: string, places = 10) => activity(title, places, { juniorVolunteers: true });
    const family = (id: string) => ({ kind: 'family', id });
    const volunteer = (id: string) => ({ kind: 'volunteer', id });
    const staffSignUp = (a: { id: string; shiftId: string }, ids: string[], companions?: unknown[]) =>
      staff('POST', `/api/activities/${a.id}/signups`, { shiftId: a.shiftId, volunteerIds: ids, companions });
    const statusOf = async (activityId: string, volunteerId: string) =>
      (
        await db()
          .selectFrom('activity_signup')
          .select(['status', 'companion_resident_id', 'companion_volunteer_id'])
          .where('activity_id', '=', activityId)
          .where('volunteer_id', '=', volunteerId)
          .orderBy('created_at', 'desc')
          .executeTakeFirst()
      )?.status;
    const sentTo = async (template: string, phone: string) =>
      (
        await db()
          .selectFrom('notification_outbox')
          .select('payload')
          .where('template', '=', template)
          .where('recipient', '=', phone)
          .execute()
      ).map((r) => JSON.parse(r.payload));

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
      // The child lives in household 3 with 欧阳文 (an adult); 单雄信 lives in household 1.
      const [hh] = await db()
        .selectFrom('resident')
        .select(['household_id', 'grid_id'])
        .where('id', '=', t.a.residents['欧阳文']!)
        .execute();
      childResidentId = uuidv7();
      const now = new Date().toISOString();
      await db()
        .insertInto('resident')
        .values({
          community_id: t.a.id,
          id: childResidentId,
          household_id: hh!.household_id,
          grid_id: hh!.grid_id,
          name: '欧阳小雨',
          name_pinyin: 'ouyangxiaoyu',
          name_initials: 'oyxy',
          gender: 'female',
          birth_date: yearsAgo(11),
          phone: null,
          relation_to_head: 'child',
          id_number_enc: null,
          id_number_token: null,
          id_number_masked: null,
          health_enc: null,
          disability_enc: null,
          note: null,
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .execute();
      childId = await insertAccountVolunteer(t, 'volunteer', {
        name: '欧阳小雨',
        phone: t.a.phones.volunteer,
        birthDate: yearsAgo(11),
        residentId: childResidentId,
      });
      await db()
        .insertInto('volunteer_guardian')
        .values({
          community_id: t.a.id,
          volunteer_id: childId,
          name: '欧阳文',
          phone: GUARDIAN_PHONE,
          relation: 'parent',
          consent_at: now,
          covers_data: 1,
          state: 'confirmed',
          confirmed_via: 'paper',
        })
        .execute();
      adultBId = await insertAccountVolunteer(t, 'resident', { name: '王接班', phone: t.a.phones.resident });
      teacherId = await insertVolunteer(db(), t.cipher, t.a.id, { name: '周老师', birthDate: '1988-04-04' });
      cId = await insertAccountVolunteer(t, 'unit_coordinator', { name: '张抢班', phone: t.a.phones.unit_coordinator });
      C = await signInAs(t, 'unit_coordinator');
      child = await signInAs(t, 'volunteer');
      adultB = await signInAs(t, 'resident');
    });
    after(async () => {
      await t.close();
    });

    it('the flag is set on create and edit, and read on the console, the phone and the public data API', async () => {
      const a = await junior('小小志愿者 垃圾分类宣传');
      assert.equal((await staff('GET', `/api/activities/${a.id}`)).json().juniorVolunteers, true);
      const plain = await activity('社区义诊', 5);
      assert.equal((await staff('GET', `/api/activities/${plain.id}`)).json().juniorVolunteers, false);
      // An edit leaving the flag out keeps it; one naming it changes it.
      assert.equal((await staff('PATCH', `/api/activities/${a.id}`, { title: '小小志愿者 垃圾分类' })).statusCode, 204);
      assert.equal((await staff('GET', `/api/activities/${a.id}`)).json().juniorVolunteers, true);
      assert.equal((await staff('PATCH', `/api/activities/${plain.id}`, { juniorVolunteers: true })).statusCode, 204);
      assert.equal((await staff('GET', `/api/activities/${plain.id}`)).json().juniorVolunteers, true);
      assert.equal((await staff('PATCH', `/api/activities/${plain.id}`, { juniorVolunteers: false })).statusCode, 204);
      const open = (await child('GET', '/api/activities/open')).json() as any[];
      assert.equal(open.find((x) => x.id === a.id)?.juniorVolunteers, true);
      assert.equal(open.find((x) => x.id === plain.id)?.juniorVolunteers, false);
      const pub = await t.app.inject({ method: 'GET', url: `/api/public/${t.a.id}/activities` });
      assert.equal(pub.statusCode, 200, pub.body);
      assert.equal((pub.json().items as any[]).find((x) => x.id === a.id)?.juniorVolunteers, true);
    });

    it('refuses a minor without an adult (zh and en), and an adult of another household not signed up', async () => {
      const a = await junior('小小志愿者 敬老院慰问');
      const none = await child('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId });
      assert.equal(none.statusCode, 409, none.body);
      assert.equal(none.json().error.code, 'junior_adult_required');
      assert.match(none.json().error.message, /未成年人报名须写明一位同行的成年人/);
      const en = await child(
        'POST',
        `/api/activities/${a.id}/join`,
        { shiftId: a.shiftId },
        { 'accept-language': 'en' },
      );
      assert.match(en.json().error.message, /accompanying adult/);
      const stranger = await child('POST', `/api/activities/${a.id}/join`, {
        shiftId: a.shiftId,
        companion: family(t.a.residents['单雄信']!),
      });
      assert.equal(stranger.statusCode, 409, stranger.body);
      assert.equal(stranger.json().error.code, 'junior_adult_invalid');
      assert.match(stranger.json().error.message, /监护人或家人/);
      // A volunteer not signed up for the shift, and the child themself, do not count either.
      for (const c of [volunteer(teacherId), volunteer(childId), family(childResidentId)]) {
        const r = await child('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId, companion: c });
        assert.equal(r.json().error?.code, 'junior_adult_invalid', r.body);
      }
      assert.equal(await statusOf(a.id, childId), undefined, 'nothing was written');
    });

    it('accepts an adult of the household; the list shows the adult; the choices list them', async () => {
      const a = await junior('小小志愿者 社区绿化');
      const choices = await child('GET', `/api/activities/${a.id}/my-companions?shiftId=${a.shiftId}`);
      assert.equal(choices.statusCode, 200, choices.body);
      // 吕建国 and 欧阳文 are the household's adults; the child is not offered.
      assert.deepEqual((choices.json() as any[]).map((c) => [c.kind, c.name]).sort(), [
        ['family', '吕建国'],
        ['family', '欧阳文'],
      ]);
      const r = await child('POST', `/api/activities/${a.id}/join`, {
        shiftId: a.shiftId,
        companion: family(t.a.residents['欧阳文']!),
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().status, 'confirmed');
      const list = (await staff('GET', `/api/activities/${a.id}/signups`)).json() as any[];
      const mine = list.find((s) => s.volunteerId === childId);
      assert.deepEqual([mine.companionName, mine.companionKind], ['欧阳文', 'family']);
    });

    it('accepts an adult volunteer with a confirmed place on the shift (staff sign-up, and the phone)', async () => {
      const a = await junior('小小志愿者 图书角整理');
      assert.equal((await staffSignUp(a, [teacherId])).statusCode, 201);
      const staffChoices = await staff(
        'GET',
        `/api/activities/${a.id}/companions?shiftId=${a.shiftId}&volunteerId=${childId}`,
      );
      assert.equal(staffChoices.statusCode, 200, staffChoices.body);
      assert.ok((staffChoices.json() as any[]).some((c) => c.kind === 'volunteer' && c.name === '周老师'));
      const phoneChoices = (
        await child('GET', `/api/activities/${a.id}/my-companions?shiftId=${a.shiftId}`)
      ).json() as any[];
      assert.ok(
        phoneChoices.some((c) => c.kind === 'volunteer' && c.name === '周*师'),
        'masked on the phone',
      );
      const refused = await staffSignUp(a, [childId]);
      assert.equal(refused.json().error?.code, 'junior_adult_required', refused.body);
      const ok = await staffSignUp(a, [childId], [{ volunteerId: childId, companion: volunteer(teacherId) }]);
      assert.equal(ok.statusCode, 201, ok.body);
      const list = (await staff('GET', `/api/activities/${a.id}/signups`)).json() as any[];
      assert.equal(list.find((s) => s.volunteerId === childId).companionName, '周老师');
    });

    it('leaves other activities as they were: a minor signs up without an adult; adults need none', async () => {
      const a = await activity('社区义诊 引导', 5);
      const r = await child('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId });
      assert.equal(r.statusCode, 201, r.body);
      const j = await junior('小小志愿者 交通劝导');
      assert.equal((await adultB('POST', `/api/activities/${j.id}/join`, { shiftId: j.shiftId })).statusCode, 201);
      const none = await child('GET', `/api/activities/${a.id}/my-companions?shiftId=${a.shiftId}`);
      assert.deepEqual(none.json(), []);
    });

    it('an adult volunteer cancelling cancels the child who named them; child, guardian, organiser told', async () => {
      const a = await junior('小小志愿者 楼道清洁', 3);
      const placed = await adultB('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId });
      const r = await child('POST', `/api/activities/${a.id}/join`, {
        shiftId: a.shiftId,
        companion: volunteer(adultBId),
      });
      assert.equal(r.statusCode, 201, r.body);
      const c = await adultB('POST', `/api/activities/mine/${placed.json().id}/cancel`);
      assert.equal(c.statusCode, 200, c.body);
      assert.equal(await statusOf(a.id, childId), 'cancelled');
      const toChild = await sentTo('activities.junior_unaccompanied', t.a.phones.volunteer);
      const toGuardian = await sentTo('activities.junior_unaccompanied', GUARDIAN_PHONE);
      const toOrganiser = await sentTo('activities.junior_unaccompanied_organiser', t.a.phones.staff);
      for (const sent of [toChild, toGuardian, toOrganiser])
        assert.ok(
          sent.some((p) => p.signupId === r.json().id && p.companion === '王接班'),
          JSON.stringify(sent),
        );
      const taken = await db().selectFrom('activity_shift').select('taken').where('id', '=', a.shiftId).execute();
      assert.equal(Number(taken[0]!.taken), 0, 'both places are free again');
    });

    it('a swap: the minor taking a place names an adult; the adult giving theirs away releases the child', async () => {
      const a = await junior('小小志愿者 植树', 2);
      const teacherSignup = (await staffSignUp(a, [teacherId])).json()[0].id as string;
      const offered = await adultB('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId });
      const o = await adultB('POST', `/api/activities/mine/${offered.json().id}/offer`, {});
      assert.equal(o.statusCode, 201, o.body);
      const bare = await child('POST', `/api/activities/swaps/${o.json().id}/take`);
      assert.equal(bare.json().error?.code, 'junior_adult_required', bare.body);
      const offerer = await child('POST', `/api/activities/swaps/${o.json().id}/take`, {
        companion: volunteer(adultBId),
      });
      assert.equal(offerer.json().error?.code, 'junior_adult_invalid', 'the adult leaving cannot accompany');
      const ok = await child('POST', `/api/activities/swaps/${o.json().id}/take`, {
        companion: volunteer(teacherId),
      });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(await statusOf(a.id, childId), 'confirmed');
      // Staff withdrawing 周老师 releases the child too.
      const w = await staff('POST', `/api/activities/signups/${teacherSignup}/withdraw`);
      assert.equal(w.statusCode, 200, w.body);
      assert.equal(await statusOf(a.id, childId), 'cancelled');

      // 王接班 accompanies the child, then gives the place away by a swap: the child is released.
      const b = await junior('小小志愿者 护河', 3);
      const bPlace = (await adultB('POST', `/api/activities/${b.id}/join`, { shiftId: b.shiftId })).json().id;
      const joined = await child('POST', `/api/activities/${b.id}/join`, {
        shiftId: b.shiftId,
        companion: volunteer(adultBId),
      });
      assert.equal(joined.statusCode, 201, joined.body);
      const o3 = await adultB('POST', `/api/activities/mine/${bPlace}/offer`, {});
      const took = await C('POST', `/api/activities/swaps/${o3.json().id}/take`);
      assert.equal(took.statusCode, 201, took.body);
      assert.equal(await statusOf(b.id, childId), 'cancelled');
      assert.equal(await statusOf(b.id, cId), 'confirmed');
    });

    it('waitlist promotion: a waitlisted child moves up only while their adult still qualifies', async () => {
      const a = await junior('小小志愿者 节水宣传', 2);
      await staffSignUp(a, [teacherId]);
      const b = (await adultB('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId })).json().id as string;
      // Full: the child waits, named with the household's adult (valid) ...
      const w = await child('POST', `/api/activities/${a.id}/join`, {
        shiftId: a.shiftId,
        companion: family(t.a.residents['欧阳文']!),
      });
      assert.equal(w.json().status, 'waitlisted', w.body);
      // ... who then moves out of the household: when 王接班 cancels, the child is passed over.
      await db()
        .updateTable('resident')
        .set({ status: 'moved_out' })
        .where('id', '=', t.a.residents['欧阳文']!)
        .execute();
      const c = await adultB('POST', `/api/activities/mine/${b}/cancel`);
      assert.equal(c.json().promoted, null, c.body);
      assert.equal(await statusOf(a.id, childId), 'waitlisted');
      await db().updateTable('resident').set({ status: 'active' }).where('id', '=', t.a.residents['欧阳文']!).execute();
      // More places by an edit: the adult qualifies again and the child moves up.
      const edit = await staff('PATCH', `/api/activities/${a.id}`, {
        shifts: [{ id: a.shiftId, name: '宣传组', start: '09:00', end: '11:00', places: 3 }],
      });
      assert.equal(edit.statusCode, 204, edit.body);
      assert.equal(await statusOf(a.id, childId), 'confirmed');
    });

    it('two sign-ups racing for the last place: one place, one waitlisted, never overbooked', async () => {
      const a = await junior('小小志愿者 文明劝导', 2);
      await staffSignUp(a, [teacherId]);
      const [r1, r2] = await Promise.all([
        child('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId, companion: volunteer(teacherId) }),
        adultB('POST', `/api/activities/${a.id}/join`, { shiftId: a.shiftId }),
      ]);
      assert.equal(r1.statusCode, 201, r1.body);
      assert.equal(r2.statusCode, 201, r2.body);
      assert.deepEqual([r1.json().status, r2.json().status].sort(), ['confirmed', 'waitlisted']);
      const shift = await db().selectFrom('activity_shift').selectAll().where('id', '=', a.shiftId).execute();
      assert.equal(Number(shift[0]!.taken), 2);
    });
  });
}
