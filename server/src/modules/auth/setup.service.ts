// First setup (issue 16): a production start creates no account; the first community and its admin come from
// `npm run setup` or from the one-time link the server prints while the database has no community.
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { randomToken, sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import type { SetupFields } from '../../../../domain/access/setup.ts';
import { placeCommunity } from '../regions/regions-directory.ts';
import { hashPassword } from './auth.service.ts';
import { assertPasswordAcceptable } from './password.service.ts';
import * as repo from './setup.repository.ts';

export const SETUP_LINK_HOURS = 24;

/** A fresh one-time token while the database has no community (only its hash is kept); null once one exists. */
export async function issueSetupLink(db: Db, now = new Date()): Promise<string | null> {
  if (await repo.anyCommunity(db)) return null;
  const token = randomToken(24);
  await db.transaction().execute((trx) =>
    repo.replaceSetupLink(trx, {
      token_hash: sha256(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SETUP_LINK_HOURS * 3600_000).toISOString(),
    }),
  );
  return token;
}

export class SetupService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Creates the first community, places it under its street office, and makes its admin, in one transaction.
   * `token` is the link's (the web page); null for `npm run setup` on the server itself.
   */
  async createFirstCommunity(fields: SetupFields, token: string | null, ctx: RequestContext | null) {
    assertPasswordAcceptable(fields.password, fields.adminPhone, 'password');
    const hash = await hashPassword(fields.password);
    const at = new Date().toISOString();
    const ids = { communityId: uuidv7(), accountId: uuidv7(), membershipId: uuidv7() };
    await this.db.transaction().execute(async (trx) => {
      if (token !== null && !(await repo.claimSetupLink(trx, sha256(token), at)))
        throw new AppError('setup_link_invalid');
      if (await repo.anyCommunity(trx)) throw new AppError('setup_done');
      if (await repo.phoneTaken(trx, fields.adminPhone))
        throw new AppError('setup_phone_taken', { fields: [{ field: 'adminPhone', message: 'setup_phone_taken' }] });
      await repo.insertCommunity(trx, {
        id: ids.communityId,
        name: fields.communityName,
        city: fields.city,
        district: fields.district,
        created_at: at,
      });
      await placeCommunity(trx, ids.communityId, {
        city: fields.city,
        district: fields.district,
        street: fields.street,
      });
      await repo.insertAdmin(trx, { ...ids, phone: fields.adminPhone, name: fields.adminName, hash, at });
      await this.audit.recordBy(
        trx,
        { communityId: ids.communityId, accountId: ids.accountId, name: fields.adminName, role: 'community_admin' },
        ctx,
        {
          action: 'setup.community_created',
          entityType: 'community',
          entityId: ids.communityId,
          detail: { via: token === null ? 'script' : 'link' },
        },
      );
    });
    return { communityId: ids.communityId, accountId: ids.accountId };
  }
}
