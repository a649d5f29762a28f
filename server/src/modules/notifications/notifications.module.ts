// Messages that arrive (issue 15): preferences (消息设置), the staff's delivery status with retry, and the
// official account's menu. The outbox itself and its delivery worker are platform pieces (platform/notify.ts,
// platform/outbox.ts); this module builds the worker's channels from the configuration.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Db, DatabaseKind } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import { OutboxWorker, type Channels } from '../../platform/outbox.ts';
import { AliyunSms } from '../../platform/providers/aliyun-sms.ts';
import { DevChannel } from '../../platform/providers/dev.ts';
import { TencentSms } from '../../platform/providers/tencent-sms.ts';
import { WechatMp } from '../../platform/providers/wechat-mp.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { NotificationsService } from './notifications.service.ts';

/** `demo`: the development channel logs messages whole (codes included) only for the demo. */
export function channelsFrom(
  delivery: Config['delivery'],
  log: FastifyBaseLogger,
  demo = false,
): Channels & { mp: WechatMp | null } {
  const dev = new DevChannel(log, demo);
  const s = delivery.sms;
  const sms = s.provider === 'aliyun' ? new AliyunSms(s) : s.provider === 'tencent' ? new TencentSms(s) : dev;
  const mp = delivery.wechat ? new WechatMp(delivery.wechat) : null;
  return { sms, wechat: mp ?? dev, mp };
}

export function notificationsModule(deps: {
  db: Db;
  kind: DatabaseKind;
  audit: AuditLog;
  log: FastifyBaseLogger;
  delivery: Config['delivery'];
  demo: boolean;
  publicBaseUrl: string;
}): LinliModule<{ notifications: NotificationsService; outbox: OutboxWorker }> {
  const channels = channelsFrom(deps.delivery, deps.log, deps.demo);
  const outbox = new OutboxWorker(deps.db, deps.kind, deps.log, channels, { publicBaseUrl: deps.publicBaseUrl });
  const notifications = new NotificationsService(deps.db, deps.audit, outbox, channels.mp, deps.delivery.publicUrl);
  return {
    // Codes are shown in the outbox only while the development channel stands in for SMS: with a real provider they
    // reach the person alone (staff who read a sign-in or reset code could act as that person).
    routes: notificationsRoutes(notifications, { showCodes: deps.delivery.sms.provider === 'dev' }),
    service: { notifications, outbox },
    jobs: [],
  };
}
