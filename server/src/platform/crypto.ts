// Field encryption at rest: AES-256-GCM with the key id stored in each value, so keys can rotate
// (new writes use the active key; old values still open with their own). Blind indexes (HMAC-SHA256
// with a separate key) let us find equal values (duplicate ID numbers, a special group) without decrypting.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface Keyring {
  active: string;
  keys: Record<string, string>;
  index: string;
}

// Each value's 12-byte IV is cut from a pool of random bytes filled IVS_PER_FILL IVs at a time: a randomBytes call per
// value was about 40 % of encrypt's time (a demo city encrypts ~10,000 values per community). Every IV takes its own
// fresh bytes; none is reused, and createCipheriv copies the IV before the pool is refilled.
const IV_BYTES = 12;
const IVS_PER_FILL = 256;
const ivPool = Buffer.alloc(IV_BYTES * IVS_PER_FILL);
let ivAt = ivPool.length;

function freshIv(): Buffer {
  if (ivAt === ivPool.length) {
    crypto.randomFillSync(ivPool);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

/** The blind-index key's id among the check values ('#' cannot start a key id written by generateKeyring). */
export const INDEX_KEY_CHECK_ID = '#index';

export class FieldCipher {
  private readonly keys = new Map<string, Buffer>();
  private readonly indexKey: Buffer;
  constructor(private readonly ring: Keyring) {
    for (const [id, b64] of Object.entries(ring.keys)) {
      const k = Buffer.from(b64, 'base64');
      if (k.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
      this.keys.set(id, k);
    }
    if (!this.keys.has(ring.active)) throw new Error(`active encryption key ${ring.active} is missing`);
    this.indexKey = Buffer.from(ring.index, 'base64');
  }

  get activeKeyId(): string {
    return this.ring.active;
  }

  encrypt(plain: string): string {
    const iv = freshIv();
    const c = crypto.createCipheriv('aes-256-gcm', this.keys.get(this.ring.active)!, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const tag = c.getAuthTag().toString('base64url');
    return `v1.${this.ring.active}.${iv.toString('base64url')}.${tag}.${ct.toString('base64url')}`;
  }

  decrypt(sealed: string): string {
    const [v, keyId, iv, tag, ct] = sealed.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (v !== 'v1' || !key || !iv || !tag || ct === undefined) throw new Error('unreadable encrypted value');
    const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
  }

  /**
   * A check value per key id, and one for the blind-index key under INDEX_KEY_CHECK_ID: an HMAC of a fixed text
   * under the key, equal for equal keys and revealing nothing of them (platform/keyring-check.ts stores them).
   */
  keyChecks(): Record<string, string> {
    const check = (key: Buffer) =>
      crypto.createHmac('sha256', key).update('linli keyring check v1').digest('base64url');
    const checks: Record<string, string> = { [INDEX_KEY_CHECK_ID]: check(this.indexKey) };
    for (const [id, key] of this.keys) checks[id] = check(key);
    return checks;
  }

  encryptJson(value: unknown): string | null {
    return value === null || value === undefined ? null : this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string | null): T | null {
    return sealed ? (JSON.parse(this.decrypt(sealed)) as T) : null;
  }

  /** A keyed, deterministic token of a value within a community: equal inputs give equal tokens. */
  token(communityId: string, kind: string, value: string): string {
    return crypto
      .createHmac('sha256', this.indexKey)
      .update(`${communityId}\u0000${kind}\u0000${value}`)
      .digest('base64url')
      .slice(0, 32);
  }
}

export function generateKeyring(): Keyring {
  return {
    active: 'k1',
    keys: { k1: crypto.randomBytes(32).toString('base64') },
    index: crypto.randomBytes(32).toString('base64'),
  };
}

/** The keyring from config, or the one in the data folder, or a new one written there (with a warning). */
export function loadKeyring(opts: { keyringB64?: string; dataDir: string; warn: (msg: string) => void }): Keyring {
  if (opts.keyringB64) return JSON.parse(Buffer.from(opts.keyringB64, 'base64').toString('utf8')) as Keyring;
  const file = path.join(opts.dataDir, 'keyring.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as Keyring;
  fs.mkdirSync(opts.dataDir, { recursive: true });
  // Written whole under another name, then linked into place, which fails if the file is there by then: two servers
  // started together on one data folder both end up with the keyring the first one made, never half of one.
  const ring = generateKeyring();
  const partial = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(partial, JSON.stringify(ring, null, 2), { mode: 0o600 });
  try {
    fs.linkSync(partial, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Keyring;
  } finally {
    fs.rmSync(partial, { force: true });
  }
  opts.warn(
    `Generated a new encryption keyring at ${file}. Back it up apart from the database: ` +
      'without it, encrypted fields cannot be read. In production set LINLI_KEYRING.',
  );
  return ring;
}

export function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
