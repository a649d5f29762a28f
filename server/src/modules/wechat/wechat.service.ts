// The conversation behind the official account: a WeChat user binds to a phone the community knows (a code
// by text message proves it), then asks for help, books a service and sees what is open, for themselves or a
// family member whose contact phone it is. Knows nothing of HTTP or XML; replies are short plain Chinese.
import crypto from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../platform/actor.ts';
import { auditWho, type AuditLog, type AuditWho } from '../../platform/audit.ts';
import { sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { parseCommand, guessCategory } from '../../../../domain/wechat/commands.ts';
import { CATEGORY_LABELS, type SkillCategory } from '../../../../domain/volunteers/skills.ts';
import { maskPhone } from '../../../../domain/shared/phone.ts';
import { weekdayOf } from '../../../../domain/shared/dates.ts';
import type { TakeFromChannel } from '../needs/needs.service.ts';
import type { BookRequest } from '../appointments/appointments.service.ts';
import type { InboundMessage } from './wechat.protocol.ts';
import * as repo from './wechat.repository.ts';

export const BIND_CODE_TTL_MINUTES = 10;
export const BIND_CODE_MAX_ATTEMPTS = 5;
export const BIND_CODE_RESEND_SECONDS = 60;
/** How long the numbered slot list shown after "预约" stays valid for "预约 <n>". */
const MENU_TTL_MINUTES = 30;
const MENU_SERVICES = 4,
  MENU_SLOTS_PER_SERVICE = 3;

// ---- what this module needs from others: the narrowest interfaces, so each can change behind them ----
export interface OpenNeed {
  residentName: string | null;
  category: string;
  description: string;
  status: string;
}
export interface NeedsPort {
  takeFromChannel(t: TakeFromChannel, ctx: RequestContext): Promise<{ id: string }>;
  openNeedsOf(communityId: string, selfResidentId: string | null, phone: string): Promise<OpenNeed[]>;
}
export interface AppointmentsPort {
  offer(communityId: string): Promise<Array<{ id: string; name: string }>>;
  listOpenSlots(q: {
    communityId: string;
    serviceId: string;
    now?: Date;
  }): Promise<Array<{ start: string; date: string; time: string; place: string; left: number }>>;
  book(
    r: BookRequest,
  ): Promise<{ serviceName: string; date: string; time: string; place: string; residentName: string }>;
  myBookings(q: { communityId: string; residentId: string[]; now?: Date }): Promise<
    Array<{
      serviceName: string;
      slotStart: string;
      date: string;
      time: string;
      place: string;
      residentName: string;
      status: string;
    }>
  >;
}
export interface ResidentsPort {
  find(communityId: string, q: string): Promise<Array<{ id: string; name: string; via: 'phone' | 'contact' | 'name' }>>;
}

interface Resident {
  id: string;
  name: string;
  self: boolean;
}
type MenuItem = { s: string; t: string };

const STATUS_ZH: Record<string, string> = {
  new: '待对接',
  matched: '已对接志愿者',
  scheduled: '已约时间',
  in_progress: '服务中',
};
const WEEKDAYS = '一二三四五六日';

/** 2026-12-05 → 12月5日周六 */
function dayText(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日周${WEEKDAYS[weekdayOf(date) - 1]}`;
}
const clip = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

const HELP_BOUND = [
  '可以发送：',
  '需求 内容 —— 求助，如：需求 厨房水管漏水',
  '预约 —— 查看可预约的服务',
  '我的 —— 查看求助和预约',
  '切换 —— 替家人办理',
  '解绑 —— 解除绑定',
].join('\n');
const HELP_UNBOUND =
  '您好！使用前请先绑定在社区登记的手机号：\n发送“绑定 手机号”，如：绑定 13800000000\n收到短信验证码后，发送“验证码 六位数字”。';

export class WechatService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly notifier: Notifier,
    private readonly residents: ResidentsPort,
    private readonly needs: NeedsPort,
    private readonly appointments: AppointmentsPort,
  ) {}

  communityExists(communityId: string) {
    return repo.communityExists(this.db, communityId);
  }

  async purge(now = new Date()) {
    await repo.purgeInbound(this.db, new Date(now.getTime() - 2 * 86400_000).toISOString());
  }

  /**
   * Handles one message WeChat delivered, once: the MsgId (or an event's sender and time) and the signed
   * (timestamp, nonce) are claimed first, so a replay or a retry has no second effect. Returns the reply
   * text, or null for "nothing to say" (WeChat then shows nothing).
   */
  async handle(
    communityId: string,
    msg: InboundMessage,
    signed: { timestamp: string; nonce: string },
    ctx: RequestContext,
    now = new Date(),
  ): Promise<string | null> {
    const keys = [
      `nonce:${signed.timestamp}:${signed.nonce}`,
      msg.msgId ? `msg:${msg.msgId}` : `evt:${msg.fromUser}:${msg.createTime}`,
    ];
    if (!(await repo.claimInbound(this.db, communityId, msg.fromUser, keys, now.toISOString()))) return null;
    try {
      return await this.respond(communityId, msg, ctx, now);
    } catch (err) {
      // Our failure, not the sender's: let WeChat's retry through.
      await repo.releaseInbound(this.db, communityId, keys).catch(() => undefined);
      throw err;
    }
  }

  private async respond(
    communityId: string,
    msg: InboundMessage,
    ctx: RequestContext,
    now: Date,
  ): Promise<string | null> {
    const openid = msg.fromUser;
    const binding = await repo.binding(this.db, communityId, openid);
    if (msg.msgType === 'event')
      return msg.event === 'subscribe' ? `欢迎关注！\n${binding ? HELP_BOUND : HELP_UNBOUND}` : null;
    if (msg.msgType !== 'text') return `目前只能看懂文字消息。\n${binding ? HELP_BOUND : HELP_UNBOUND}`;
    const cmd = parseCommand(msg.content ?? '');
    if (!binding) {
      if (cmd.kind === 'bind') return this.requestCode(communityId, openid, cmd.phone, now);
      if (cmd.kind === 'code') return this.verifyCode(communityId, openid, cmd.code, ctx, now);
      if (cmd.kind === 'unbind') return '您还没有绑定手机号。';
      return HELP_UNBOUND;
    }
    const people = await this.residentsOf(communityId, binding.phone);
    if (cmd.kind === 'unbind') return this.unbind(communityId, openid, binding.phone, ctx);
    if (cmd.kind === 'bind') return `您已绑定 ${maskPhone(binding.phone)}。如需换号，请先发送“解绑”。`;
    if (!people.length)
      return `手机号 ${maskPhone(binding.phone)} 已不在社区登记。请联系社区工作人员，或发送“解绑”后重新绑定。`;
    const current = people.find((p) => p.id === binding.resident_id) ?? people[0]!;
    switch (cmd.kind) {
      case 'need':
        return this.takeNeed(communityId, binding.phone, current, cmd.text, ctx);
      case 'book':
        return cmd.choice === null
          ? this.menu(communityId, openid, current, now)
          : this.book(communityId, openid, binding.phone, current, cmd.choice, binding, ctx, now);
      case 'mine':
        return this.mine(communityId, binding.phone, people, now);
      case 'switch':
        return this.switchTo(communityId, openid, people, current, cmd.choice, now);
      default:
        return HELP_BOUND;
    }
  }

  private async residentsOf(communityId: string, phone: string): Promise<Resident[]> {
    const found = await this.residents.find(communityId, phone);
    return found.filter((r) => r.via !== 'name').map((r) => ({ id: r.id, name: r.name, self: r.via === 'phone' }));
  }

  private who(communityId: string, phone: string, ctx: RequestContext): AuditWho {
    return auditWho({ communityId, accountId: null, name: `微信用户 ${maskPhone(phone)}`, role: null }, ctx);
  }

  private codeHash(communityId: string, openid: string, phone: string, code: string) {
    return sha256(`${communityId}:${openid}:${phone}:${code}`);
  }

  // ---------------- binding ----------------

  private async requestCode(communityId: string, openid: string, phone: string | null, now: Date): Promise<string> {
    if (!phone) return '请发送“绑定 手机号”，如：绑定 13800000000';
    const recent = (at: string | null | undefined) =>
      !!at && now.getTime() - Date.parse(at) < BIND_CODE_RESEND_SECONDS * 1000;
    const mine = await repo.bindCode(this.db, communityId, openid);
    if (recent(mine?.created_at) || recent(await repo.lastCodeToPhone(this.db, communityId, phone)))
      return '验证码刚刚发过，请 1 分钟后再试。';
    const known = (await this.residentsOf(communityId, phone)).length > 0;
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await this.db.transaction().execute(async (trx) => {
      // A code is kept even for an unknown number (none is sent), so the reply and the limits do not reveal who is
      // registered.
      await repo.saveBindCode(trx, {
        community_id: communityId,
        openid,
        phone,
        code_hash: this.codeHash(communityId, openid, phone, code),
        attempts: 0,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + BIND_CODE_TTL_MINUTES * 60_000).toISOString(),
      });
      if (known)
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: phone,
          template: 'wechat_bind_code',
          payload: { code, minutes: BIND_CODE_TTL_MINUTES },
        });
    });
    return (
      `如果 ${maskPhone(phone)} 已在社区登记，验证码短信已发出，${BIND_CODE_TTL_MINUTES} 分钟内有效。\n` +
      '请回复“验证码 六位数字”。\n没有收到？请联系社区工作人员核对登记的手机号。'
    );
  }

  private async verifyCode(
    communityId: string,
    openid: string,
    code: string,
    ctx: RequestContext,
    now: Date,
  ): Promise<string> {
    const c = await repo.bindCode(this.db, communityId, openid);
    if (!c || Date.parse(c.expires_at) <= now.getTime()) return '验证码已过期或还没有发送。请先发送“绑定 手机号”。';
    if (!(await repo.takeAttempt(this.db, communityId, openid, BIND_CODE_MAX_ATTEMPTS)))
      return '验证码错误次数过多，请重新发送“绑定 手机号”获取新的验证码。';
    const ok = crypto.timingSafeEqual(
      Buffer.from(this.codeHash(communityId, openid, c.phone, code)),
      Buffer.from(c.code_hash),
    );
    if (!ok) {
      const left = BIND_CODE_MAX_ATTEMPTS - c.attempts - 1;
      return left > 0
        ? `验证码不正确，还可以再试 ${left} 次。`
        : '验证码错误次数过多，请重新发送“绑定 手机号”获取新的验证码。';
    }
    const people = await this.residentsOf(communityId, c.phone);
    if (!people.length) return '这个手机号没有在社区登记。请联系社区工作人员。';
    const at = now.toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.saveBinding(trx, {
        community_id: communityId,
        openid,
        phone: c.phone,
        resident_id: people[0]!.id,
        menu: null,
        menu_at: null,
        bound_at: at,
        updated_at: at,
      });
      await repo.deleteBindCode(trx, communityId, openid);
      await this.audit.record(trx, this.who(communityId, c.phone, ctx), {
        action: 'wechat.bind',
        entityType: 'wechat_binding',
        entityId: openid,
        detail: { phone: maskPhone(c.phone), residents: people.map((p) => p.id) },
      });
    });
    const switchHint = people.length > 1 ? '\n发送“切换 序号”可改为替其他人办理。' : '';
    return `绑定成功！您可以为以下居民办理：\n${this.peopleList(people, people[0]!)}${switchHint}\n\n${HELP_BOUND}`;
  }

  private async unbind(communityId: string, openid: string, phone: string, ctx: RequestContext): Promise<string> {
    await this.db.transaction().execute(async (trx) => {
      await repo.deleteBinding(trx, communityId, openid);
      await this.audit.record(trx, this.who(communityId, phone, ctx), {
        action: 'wechat.unbind',
        entityType: 'wechat_binding',
        entityId: openid,
        detail: { phone: maskPhone(phone) },
      });
    });
    return '已解除绑定。需要时可再发送“绑定 手机号”。';
  }

  private peopleList(people: Resident[], current: Resident): string {
    return people
      .map((p, i) => `${i + 1}. ${p.name}（${p.self ? '本人' : '家人'}）${p.id === current.id ? ' ← 当前' : ''}`)
      .join('\n');
  }

  private async switchTo(
    communityId: string,
    openid: string,
    people: Resident[],
    current: Resident,
    choice: number | null,
    now: Date,
  ): Promise<string> {
    if (choice === null || choice < 1 || choice > people.length) {
      return `${this.peopleList(people, current)}\n发送“切换 序号”选择替谁办理${people.length > 1 ? '，如：切换 2' : ''}。`;
    }
    const to = people[choice - 1]!;
    await repo.updateBinding(this.db, communityId, openid, { resident_id: to.id, updated_at: now.toISOString() });
    return `好的，接下来为 ${to.name} 办理。`;
  }

  // ---------------- needs ----------------

  private async takeNeed(
    communityId: string,
    phone: string,
    current: Resident,
    text: string,
    ctx: RequestContext,
  ): Promise<string> {
    if ([...text].length < 2) return '请在“需求”后面写上需要什么帮助，如：需求 厨房水管漏水';
    const category: SkillCategory = guessCategory(text);
    await this.needs.takeFromChannel(
      {
        communityId,
        residentId: current.id,
        channel: 'wechat',
        category,
        description: text,
        actorName: `微信用户 ${maskPhone(phone)}`,
      },
      ctx,
    );
    return `已为 ${current.name} 登记求助（${CATEGORY_LABELS[category].zh}）：${clip(text, 40)}\n社区会尽快安排志愿者联系。发送“我的”可查看进度。`;
  }

  // ---------------- appointments ----------------

  private async menu(communityId: string, openid: string, current: Resident, now: Date): Promise<string> {
    const services = (await this.appointments.offer(communityId)).slice(0, MENU_SERVICES);
    const items: MenuItem[] = [];
    const lines: string[] = [];
    for (const s of services) {
      const slots = (await this.appointments.listOpenSlots({ communityId, serviceId: s.id, now })).slice(
        0,
        MENU_SLOTS_PER_SERVICE,
      );
      for (const slot of slots) {
        items.push({ s: s.id, t: slot.start });
        const place = clip(slot.place, 12);
        lines.push(
          `${items.length}. ${clip(s.name, 12)} ${dayText(slot.date)} ${slot.time} ${place}（余${slot.left}）`,
        );
      }
    }
    if (!items.length) return '近期没有可预约的服务时段，请过几天再看看。';
    await repo.updateBinding(this.db, communityId, openid, {
      menu: JSON.stringify(items),
      menu_at: now.toISOString(),
      updated_at: now.toISOString(),
    });
    return `可预约（为 ${current.name}）：\n${lines.join('\n')}\n回复“预约 序号”即可预约，如：预约 1`;
  }

  private async book(
    communityId: string,
    openid: string,
    phone: string,
    current: Resident,
    choice: number,
    binding: { menu: string | null; menu_at: string | null },
    ctx: RequestContext,
    now: Date,
  ): Promise<string> {
    const fresh =
      binding.menu && binding.menu_at && now.getTime() - Date.parse(binding.menu_at) < MENU_TTL_MINUTES * 60_000;
    const items = fresh ? (JSON.parse(binding.menu!) as MenuItem[]) : [];
    const item = items[choice - 1];
    if (!item) return fresh ? `没有第 ${choice} 项。请发送“预约”重新查看。` : '请先发送“预约”查看可预约的时段。';
    try {
      const b = await this.appointments.book({
        communityId,
        residentId: current.id,
        serviceId: item.s,
        slotStart: item.t,
        channel: 'wechat',
        by: { accountId: null, name: `微信用户 ${maskPhone(phone)}`, role: null },
        ctx,
        now,
      });
      return `预约成功：${b.residentName} ${b.serviceName}\n时间：${dayText(b.date)} ${b.time}\n地点：${b.place}\n如需取消，请联系社区。`;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'already_booked') return `${current.name} 已经预约了这个时段。`;
      if (err.code === 'slot_full') return '这个时段刚刚约满了。请发送“预约”查看其他时段。';
      return '这个时段现在不能预约了。请发送“预约”重新查看。';
    }
  }

  // ---------------- mine ----------------

  private async mine(communityId: string, phone: string, people: Resident[], now: Date): Promise<string> {
    const self = people.find((p) => p.self)?.id ?? null;
    const [needs, bookings] = await Promise.all([
      this.needs.openNeedsOf(communityId, self, phone),
      this.appointments.myBookings({ communityId, residentId: people.map((p) => p.id), now }),
    ]);
    const upcoming = bookings.filter((b) => b.status === 'confirmed' && Date.parse(b.slotStart) >= now.getTime());
    if (!needs.length && !upcoming.length)
      return '目前没有进行中的求助和预约。\n发送“需求 内容”求助，发送“预约”预约服务。';
    const parts: string[] = [];
    if (needs.length) {
      parts.push(`求助（${needs.length}）：`);
      needs
        .slice(0, 8)
        .forEach((n, i) =>
          parts.push(
            `${i + 1}. ${n.residentName ?? ''} ${STATUS_ZH[n.status] ?? n.status}：${clip(n.description, 20)}`,
          ),
        );
    }
    if (upcoming.length) {
      parts.push(`预约（${upcoming.length}）：`);
      upcoming
        .slice(0, 8)
        .forEach((b, i) =>
          parts.push(`${i + 1}. ${b.residentName} ${b.serviceName} ${dayText(b.date)} ${b.time} ${clip(b.place, 12)}`),
        );
    }
    return parts.join('\n');
  }
}
