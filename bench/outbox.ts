// 10,000 notices through the outbox to the SMS stand-in (Alibaba Cloud's SendSms, signature checked): notices are
// written in transactions of 100 as fast as the database takes them while two delivery workers run, as two
// servers would. Figures: throughput (notices acknowledged by the provider per second, from the first write to
// the last acknowledgement) and the p99 delay from queued (the row's created_at) to the provider's acknowledgement.
// SQLite, and PostgreSQL given BENCH_PG_URL or --pg. The stand-in runs in this process (its signature checks
// share the CPU with the workers, so the figures are a floor).
//
//   node --import tsx bench/outbox.ts [--notices 10000] [--pg postgres://…]
import pino from 'pino';
import type { Db } from '../server/src/db/database.ts';
import { Notifier } from '../server/src/platform/notify.ts';
import { OutboxWorker } from '../server/src/platform/outbox.ts';
import { AliyunSms } from '../server/src/platform/providers/aliyun-sms.ts';
import { DevChannel } from '../server/src/platform/providers/dev.ts';
import { isQuiet } from '../server/src/platform/quiet-hours.ts';
import { aliyunStandIn } from '../server/test/provider-standins.ts';
import { onFreshDatabases } from './fresh-databases.ts';
import { insertBenchCommunity, isMain, percentile, runBurstFromCommandLine, type Figure } from './lib.ts';
import { openDatabase } from '../server/src/db/database.ts';

const log = pino({ level: 'silent' }) as any;

/** A zone where it is daytime now, so quiet hours hold nothing back (they are tested, not benchmarked). */
function daytimeZone(): string {
  const zones = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata'];
  return zones.find((z) => !isQuiet(new Date(), z)) ?? 'UTC';
}

async function runOn(db: Db, kind: 'sqlite' | 'postgres', label: string, notices: number): Promise<Figure[]> {
  const community = await insertBenchCommunity(db);
  await db.updateTable('community').set({ time_zone: daytimeZone() }).where('id', '=', community).execute();
  const standIn = await aliyunStandIn({ id: 'LTAI-bench', secret: 'bench-secret' });
  const channels = {
    sms: new AliyunSms({
      accessKeyId: 'LTAI-bench',
      accessKeySecret: 'bench-secret',
      signName: '邻里',
      endpoint: standIn.url + '/',
      templates: { 'appointments.reminder': { id: 'SMS_1001', params: ['title', 'at'] } },
    }),
    wechat: new DevChannel(log),
  };
  const workers = [1, 2].map(() => new OutboxWorker(db, kind, log, channels, { concurrency: 16 }));
  const notifier = new Notifier();
  let writing = true;
  const loops = workers.map(async (w) => {
    while (writing || (await w.runOnce(200)) > 0) {
      if ((await w.runOnce(200)) === 0) await new Promise((r) => setTimeout(r, 20));
    }
  });
  const t0 = performance.now();
  const started = Date.now();
  try {
    for (let i = 0; i < notices; i += 100) {
      await db.transaction().execute(async (trx) => {
        for (let j = i; j < Math.min(notices, i + 100); j++)
          await notifier.send(trx, {
            channel: 'sms',
            recipient: `139${String(j).padStart(8, '0')}`,
            template: 'appointments.reminder',
            payload: { title: '理发服务', at: '12月8日 09:00' },
            communityId: community,
          });
      });
    }
    const writeSeconds = (performance.now() - t0) / 1000;
    writing = false;
    await Promise.all(loops);
    const rows = await db
      .selectFrom('notification_outbox')
      .select(['id', 'status', 'created_at'])
      .where('community_id', '=', community)
      .execute();
    const sent = rows.filter((r) => r.status === 'sent');
    const twice = [...standIn.accepted.values()].filter((n) => n > 1).length;
    const last = Math.max(...standIn.acceptedAt.values());
    const delays = sent.map((r) => standIn.acceptedAt.get(r.id)! - Date.parse(r.created_at));
    const seconds = (last - started) / 1000;
    console.log(
      `  ${label}: ${sent.length}/${notices} sent in ${seconds.toFixed(1)} s ` +
        `(written in ${writeSeconds.toFixed(1)} s), ${twice} sent twice, ${standIn.badSignatures} bad signatures`,
    );
    const ok = sent.length === notices && twice === 0 && standIn.badSignatures === 0;
    return [
      {
        bench: 'outbox',
        name: `${label}: ${notices} notices to the SMS stand-in`,
        value: Math.round(sent.length / seconds),
        unit: '/s',
        goal: 'every one sent once',
        pass: ok,
        note: ok ? undefined : `${sent.length} sent, ${twice} twice`,
      },
      {
        bench: 'outbox',
        name: `${label}: p99 queued → provider acknowledged`,
        value: Math.round(percentile(delays, 0.99)),
        unit: 'ms',
        goal: '(figure)',
        pass: null,
        note: `p50 ${Math.round(percentile(delays, 0.5))} ms`,
      },
    ];
  } finally {
    writing = false;
    await Promise.allSettled(loops);
    await standIn.close();
  }
}

export async function outboxBench(opts: { pgUrl?: string; notices?: number }): Promise<Figure[]> {
  const notices = opts.notices ?? 10_000;
  return onFreshDatabases('outbox', opts.pgUrl, async (d) => {
    const kind = d.label === 'SQLite' ? 'sqlite' : 'postgres';
    if (kind === 'sqlite') return d.use((db) => runOn(db, kind, d.label, notices));
    // PostgreSQL: a pool, as a server has, so the two workers and the writer each get connections.
    const h = openDatabase({ databaseUrl: d.env.DATABASE_URL!, poolSize: 10 });
    try {
      return await runOn(h.db, kind, d.label, notices);
    } finally {
      await h.close();
    }
  });
}

if (isMain(import.meta.url)) {
  await runBurstFromCommandLine('Linli outbox benchmark', { notices: 10_000 }, 'BENCH_PG_URL', (c, pgUrl) =>
    outboxBench({ pgUrl, notices: c.notices }),
  );
}
