// The deployment files (deploy/, docs/deploy.md) against the code they configure: the example settings name every
// setting Linli reads and start a production server's config as they stand; nginx lets through Linli's largest
// upload; the systemd unit's writable folder is the data folder the settings name. The nginx journey
// (e2e/nginx.e2e.ts) runs the nginx file itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { loadConfig, publicUrlWarning } from '../server/src/config.ts';

const read = (f: string) => fs.readFileSync(f, 'utf8');
const envExample = read('deploy/linli.env.example');
const unit = read('deploy/systemd/linli@.service');
const nginx = read('deploy/nginx/linli.conf');

/** The settings config.ts's schema declares (the only place that reads the environment). */
function declaredSettings(): string[] {
  const src = read('server/src/config.ts');
  const start = src.indexOf('const schema = z.object({');
  const end = src.indexOf('\n});', start);
  assert.ok(start > 0 && end > start, 'the schema in config.ts');
  return [...src.slice(start, end).matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
}

/** NAME=value lines; `commented` for the "# NAME=value" examples. Single quotes are taken off, as systemd does. */
function settings(text: string, commented: boolean): Array<[string, string]> {
  const re = commented ? /^# ([A-Z][A-Z0-9_]+)=(.*)$/gm : /^([A-Z][A-Z0-9_]+)=(.*)$/gm;
  return [...text.matchAll(re)].map((m) => [m[1]!, m[2]!.replace(/^'(.*)'$/, '$1')]);
}

const keyring = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/keyring.ts'], { encoding: 'utf8' }).trim();
const production: Record<string, string> = {
  ...Object.fromEntries(settings(envExample, false)),
  PORT: '3001',
  LINLI_KEYRING: keyring,
};

describe('deployment files', () => {
  it('the example settings name every setting Linli reads', () => {
    const named = new Set([...settings(envExample, false), ...settings(envExample, true)].map(([n]) => n));
    // PORT comes from the instance's name; the keyring has its own file.
    const missing = declaredSettings().filter((n) => !named.has(n) && n !== 'PORT' && n !== 'LINLI_KEYRING');
    assert.deepEqual(missing, []);
    assert.match(read('deploy/keyring.env.example'), /^LINLI_KEYRING=/m);
    assert.ok(!settings(envExample, false).some(([n]) => n === 'PORT'), 'PORT is not set in the shared file');
  });

  it('as they stand, they make a production config: no demo, PostgreSQL, HTTPS, nginx trusted', () => {
    const c = loadConfig(production);
    assert.equal(c.demo, false);
    assert.match(c.databaseUrl ?? '', /^postgres:\/\//);
    assert.equal(c.secureCookies, true);
    assert.equal(c.hsts, true);
    assert.deepEqual(c.trustProxy, ['127.0.0.1']);
    assert.equal(c.publicBaseUrl, 'https://linli.example.cn');
    assert.equal(publicUrlWarning(c), null);
    assert.equal(c.port, 3001);
    // The generated keyring is base64 of the JSON loadKeyring reads.
    const ring = JSON.parse(Buffer.from(keyring, 'base64').toString('utf8'));
    assert.equal(Buffer.from(ring.keys[ring.active], 'base64').length, 32);
  });

  it('each example value, once its # is removed, is taken as it is written', () => {
    const providerKeys = {
      LINLI_ALIYUN_ACCESS_KEY_ID: 'id',
      LINLI_ALIYUN_ACCESS_KEY_SECRET: 'secret',
      LINLI_ALIYUN_SMS_SIGN_NAME: '邻里',
      LINLI_WECHAT_APP_ID: 'wx1',
      LINLI_WECHAT_APP_SECRET: 'secret',
    };
    for (const [name, value] of settings(envExample, true)) {
      if (!value) continue;
      if (name === 'LINLI_CJK_FONT' && !fs.existsSync(value)) continue;
      assert.doesNotThrow(() => loadConfig({ ...production, ...providerKeys, [name]: value }), name);
    }
  });

  it("nginx lets Linli's largest upload through, and not much more", () => {
    const mb = Number(/^\s*client_max_body_size (\d+)m;$/m.exec(nginx)?.[1]);
    const upload = loadConfig(production).maxUploadBytes / 1048576;
    assert.ok(mb > upload && mb <= upload + 2, `client_max_body_size ${mb}m for LINLI_MAX_UPLOAD_MB ${upload}`);
    assert.doesNotMatch(nginx, /^\s*add_header\s+Strict-Transport-Security/im, 'Linli sends HSTS itself');
    assert.match(nginx, /^\s*proxy_set_header X-Forwarded-For \$remote_addr;$/m);
    assert.match(nginx, /^\s*proxy_set_header X-Forwarded-Proto \$scheme;$/m);
  });

  it('the systemd unit reads the settings, writes only the data folder, and runs the built server', () => {
    const line = (key: string) => [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]);
    assert.deepEqual(line('EnvironmentFile'), [
      '/etc/linli/linli.env',
      '/etc/linli/keyring.env',
      '-/etc/linli/linli-%i.env',
    ]);
    assert.deepEqual(line('ReadWritePaths'), [production.LINLI_DATA_DIR]);
    assert.deepEqual(line('ProtectSystem'), ['strict']);
    assert.deepEqual(line('NoNewPrivileges'), ['yes']);
    assert.deepEqual(line('PrivateTmp'), ['yes']);
    assert.deepEqual(line('User'), ['linli']);
    assert.match(line('ExecStart')[0] ?? '', /PORT=%i .*node .*dist\/server\/main\.mjs$/);
    assert.match(read('scripts/build-server.mjs'), /outfile = 'dist\/server\/main\.mjs'/);
  });
});
