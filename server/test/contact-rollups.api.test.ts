// The rollups of the record of service (contact_subject, contact_subject_month, contact_day_kind) on both databases:
// after contacts written, written again (a retry), withdrawn in part and in whole, they equal the aggregate of the
// contacts themselves; the monitor's spread counts a window's contacts, and its counts per kind a window's contacts
// of each kind, as plain counts over the contacts do.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { ContactService, type ContactInput } from '../src/modules/contacts/contacts.service.ts';
import { rebuildContactRollups } from '../src/modules/contacts/contacts.rollup.ts';
import { contactsSinceBySubject } from '../src/modules/monitor/monitor.repository.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

for (const kind of testDatabaseKinds()) {
  describe(`contact rollups on ${kind}`, () => {
    let t: TestContext;
    let staff: Client;
    const contacts = new ContactService();
    const today = todayInShanghai();
    const db = () => t.db.handle.db;
    const R = (name: string) => t.a.residents[name]!;

    const byDayKind = (a: { occurred_on: string; kind: string }, b: { occurred_on: string; kind: string }) =>
      a.occurred_on === b.occurred_on ? (a.kind < b.kind ? -1 : 1) : a.occurred_on < b.occurred_on ? -1 : 1;
    /** The rollups as kept, and as computed afresh from the contacts (into the same tables, then put back). */
    const kept = async (cid: string) => ({
      last: await db()
        .selectFrom('contact_subject')
        .select(['subject_id', 'last_on', 'last_kind'])
        .where('community_id', '=', cid)
        .orderBy('subject_id')
        .execute(),
      months: (
        await db()
          .selectFrom('contact_subject_month')
          .select(['subject_id', 'month', 'contacts'])
          .where('community_id', '=', cid)
          .orderBy('subject_id')
          .orderBy('month')
          .execute()
      ).map((m) => ({ ...m, contacts: Number(m.contacts) })),
      days: (
        await db()
          .selectFrom('contact_day_kind')
          .select(['occurred_on', 'kind', 'contacts'])
          .where('community_id', '=', cid)
          .execute()
      )
        .map((d) => ({ ...d, contacts: Number(d.contacts) }))
        .sort(byDayKind),
    });
    /** The full aggregate over the contacts, the way the monitor computed it before the rollups. */
    const aggregate = async (cid: string) => {
      const rows = await db()
        .selectFrom('contact')
        .select(['subject_id', 'occurred_on', 'kind'])
        .where('community_id', '=', cid)
        .execute();
      const last = new Map<string, { subject_id: string; last_on: string; last_kind: string }>();
      const months = new Map<string, { subject_id: string; month: string; contacts: number }>();
      const days = new Map<string, { occurred_on: string; kind: string; contacts: number }>();
      for (const r of rows) {
        const d = days.get(`${r.occurred_on} ${r.kind}`) ?? { occurred_on: r.occurred_on, kind: r.kind, contacts: 0 };
        d.contacts++;
        days.set(`${r.occurred_on} ${r.kind}`, d);
        const l = last.get(r.subject_id);
        if (!l || r.occurred_on > l.last_on || (r.occurred_on === l.last_on && r.kind > l.last_kind))
          last.set(r.subject_id, { subject_id: r.subject_id, last_on: r.occurred_on, last_kind: r.kind });
        const k = `${r.subject_id} ${r.occurred_on.slice(0, 7)}`;
        const m = months.get(k) ?? { subject_id: r.subject_id, month: r.occurred_on.slice(0, 7), contacts: 0 };
        m.contacts++;
        months.set(k, m);
      }
      const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      const by = <T extends { subject_id: string }>(a: T, b: T) => order(a.subject_id, b.subject_id);
      return {
        last: [...last.values()].sort(by),
        months: [...months.values()].sort((a, b) => by(a, b) || order(a.month, b.month)),
        days: [...days.values()].sort(byDayKind),
      };
    };
    const assertInStep = async (cid: string, what: string) => {
      const k = await kept(cid);
      // Sorted the same way in JS: the databases' collations may order ids differently.
      const byKey = <T extends { subject_id: string; month?: string }>(a: T, b: T) =>
        a.subject_id === b.subject_id
          ? (a.month ?? '') < (b.month ?? '')
            ? -1
            : 1
          : a.subject_id < b.subject_id
            ? -1
            : 1;
      assert.deepEqual(
        { last: k.last.sort(byKey), months: k.months.sort(byKey), days: k.days },
        await aggregate(cid),
        what,
      );
      assert.ok(k.last.length > 0 || what.includes('none'), `${what}: something to compare`);
    };
    const write = (items: ContactInput[]) =>
      db()
        .transaction()
        .execute((trx) => contacts.record(trx, items));
    const contact = (sourceId: string, residentId: string, occurredOn: string, k: ContactInput['kind']) => ({
      communityId: t.a.id,
      kind: k,
      sourceId,
      residentId,
      occurredOn,
      servedBy: '社区工作人员',
    });

    before(async () => {
      t = await startTestApp(kind);
      staff = await signInAs(t, 'staff');
    });
    after(async () => {
      await t.close();
    });

    it('writes, a retry, withdrawals in part and in whole: the rollups equal the aggregate each time', async () => {
      const [s1, s2, s3] = [uuidv7(), uuidv7(), uuidv7()];
      const elder = R('李泽钦'),
        other = R('王秀英');
      // Two months, one day holding two kinds (the greater name stands for it), an older contact after a newer one.
      await write([
        contact(s1, elder, addDays(today, -40), 'pairing_visit'),
        contact(s1, other, addDays(today, -3), 'pairing_visit'),
      ]);
      await write([contact(s2, elder, addDays(today, -2), 'need'), contact(s3, elder, addDays(today, -2), 'delivery')]);
      await write([contact(uuidv7(), elder, addDays(today, -70), 'appointment')]);
      await assertInStep(t.a.id, 'after writes');
      const lastOf = async (id: string) =>
        db()
          .selectFrom('contact_subject')
          .select(['last_on', 'last_kind'])
          .where('community_id', '=', t.a.id)
          .where('subject_id', '=', id)
          .executeTakeFirst();
      assert.deepEqual(await lastOf(elder), { last_on: addDays(today, -2), last_kind: 'need' });
      // The same work written again (a retry), with another day: nothing is written, nothing counted.
      await write([contact(s2, elder, addDays(today, -1), 'need')]);
      await assertInStep(t.a.id, 'after a retry');
      // The last day's greater kind taken back: the other kind of that day stands for it.
      await db()
        .transaction()
        .execute((trx) => contacts.withdraw(trx, t.a.id, 'need', s2));
      assert.deepEqual(await lastOf(elder), { last_on: addDays(today, -2), last_kind: 'delivery' });
      await assertInStep(t.a.id, 'after withdrawing the greater kind');
      // The whole last day taken back: the day before becomes the last.
      await db()
        .transaction()
        .execute((trx) => contacts.withdraw(trx, t.a.id, 'delivery', s3, elder));
      assert.deepEqual(await lastOf(elder), { last_on: addDays(today, -40), last_kind: 'pairing_visit' });
      await assertInStep(t.a.id, 'after withdrawing the last day');
      // Every contact of a subject taken back: its rows go.
      await db()
        .transaction()
        .execute((trx) => contacts.withdraw(trx, t.a.id, 'pairing_visit', s1, other));
      assert.equal(await lastOf(other), undefined);
      await assertInStep(t.a.id, 'after withdrawing a subject whole');
    });

    it('a rolled-back write leaves the rollups as they were', async () => {
      const before = await kept(t.a.id);
      await assert.rejects(
        db()
          .transaction()
          .execute(async (trx) => {
            await contacts.record(trx, [contact(uuidv7(), R('李泽钦'), today, 'need')]);
            throw new Error('rolled back');
          }),
      );
      assert.deepEqual(await kept(t.a.id), before);
    });

    it('work done through the API keeps them in step, in each community; a rebuild changes nothing', async () => {
      // A survey visit: a household-level contact, written by its module through ContactService.
      const r = await staff('POST', '/api/survey/visits', {
        householdId: t.a.households[1],
        visitedOn: today,
        needs: [],
      });
      assert.equal(r.statusCode, 201, r.body);
      await assertInStep(t.a.id, 'after a survey visit');
      const b = await kept(t.b.id);
      await rebuildContactRollups(db(), t.a.id);
      await assertInStep(t.a.id, 'after a rebuild');
      assert.deepEqual(await kept(t.b.id), b, "the other community's rows are untouched");
    });

    it('the window count equals a count over the contacts, from any day of a month', async () => {
      for (const back of [0, 1, 2, 3, 30, 45, 69, 70, 71, 365]) {
        const from = addDays(today, -back);
        const counted = await contactsSinceBySubject(db(), t.a.id, from);
        const plain = await db()
          .selectFrom('contact')
          .select(['subject_id', sql<number>`count(*)`.as('n')])
          .where('community_id', '=', t.a.id)
          .where('occurred_on', '>=', from)
          .groupBy('subject_id')
          .execute();
        assert.deepEqual(counted, new Map(plain.map((p) => [p.subject_id, Number(p.n)])), `contacts since ${from}`);
      }
    });

    it('the counts per kind of a window equal a count over the contacts, at its first and last day', async () => {
      const [old, edge] = [addDays(today, -400), addDays(today, -365)];
      await write([
        contact(uuidv7(), R('李泽钦'), old, 'appointment'),
        contact(uuidv7(), R('王秀英'), edge, 'appointment'),
        contact(uuidv7(), R('王秀英'), today, 'delivery'),
      ]);
      for (const [from, to] of [
        [edge, today],
        [addDays(edge, 1), addDays(today, -1)],
        [old, old],
      ] as const) {
        const counted = await contacts.countsByKind(db(), t.a.id, from, to);
        const plain = await db()
          .selectFrom('contact')
          .select(['kind', sql<number>`count(*)`.as('n')])
          .where('community_id', '=', t.a.id)
          .where('occurred_on', '>=', from)
          .where('occurred_on', '<=', to)
          .groupBy('kind')
          .execute();
        const nonZero = Object.fromEntries(Object.entries(counted).filter(([, n]) => n > 0));
        assert.deepEqual(nonZero, Object.fromEntries(plain.map((p) => [p.kind, Number(p.n)])), `${from} to ${to}`);
        assert.ok(plain.length > 0, `${from} to ${to}: something to compare`);
      }
    });
  });
}
