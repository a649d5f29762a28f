// Through nginx over HTTPS, as an office runs Linli (issue 17): deploy/nginx/linli.conf itself, with the e2e server
// as its one upstream, a self-signed certificate and free ports, runs as this user in a temporary folder. Plain HTTP
// is sent to HTTPS; the community admin signs in over HTTPS and gets a session cookie that is Secure and HttpOnly; the
// audit log records the address nginx saw: over IPv6 (::1; nginx reaches Linli from 127.0.0.1, so only X-Forwarded-For
// can have told Linli), and over IPv4 with a forged X-Forwarded-For, which nginx replaces; a badge's printed link is on
// LINLI_PUBLIC_URL, not on the address the browser used; the web app's files come gzipped and cached for a year,
// index.html is not cached, an API answer is not compressed; nginx adds no HSTS of its own (Linli sends it when
// secure); an upload just over Linli's limit reaches Linli, which refuses it with its own message. Without IPv6 on
// loopback the browser comes over IPv4 and X-Forwarded-For's use is shown by the API tests only
// (server/test/proxy.api.test.ts). Needs nginx and openssl (.ci/run installs both); without them the journey is
// skipped, saying why, except in CI, where it fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { request, type APIRequestContext } from 'playwright-core';
import { BASE, DESKTOP, PASSWORD, expectAccessible, screenshot, useBrowser } from './browser.ts';

const TEMPLATE = path.resolve('deploy/nginx/linli.conf');
const SPOOFED = '198.51.100.77';

function found(cmd: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin'])
    if (dir && fs.existsSync(path.join(dir, cmd))) return path.join(dir, cmd);
  return null;
}
const nginxBin = found('nginx');
const opensslBin = found('openssl');
const missing = [!nginxBin && 'nginx', !opensslBin && 'openssl'].filter(Boolean).join(' and ');
if (missing && process.env.CI) throw new Error(`the nginx journey must run in CI, but ${missing} is not installed`);

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject);
    s.listen(0, host, () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function ipv6Loopback(): Promise<boolean> {
  try {
    await freePort('::1');
    return true;
  } catch {
    return false;
  }
}

/**
 * The template with this run's ports, certificate and log paths: each replaced line must be found (a changed template
 * fails here, loudly, rather than testing something else).
 */
function testConfig(
  template: string,
  o: { upstream: string; https: number; http: number; ipv6: boolean; dir: string },
): string {
  let text = template;
  const swap = (re: RegExp, to: string, times: number) => {
    const hits = text.match(new RegExp(re.source, 'gm'))?.length ?? 0;
    assert.equal(hits, times, `deploy/nginx/linli.conf: expected ${times} line(s) like ${re}, found ${hits}`);
    text = text.replace(new RegExp(re.source, 'gm'), to);
  };
  const upstreamServer = /^(\s*)server 127\.0\.0\.1:\d+ (max_fails=.*)$/;
  const servers = text.match(new RegExp(upstreamServer.source, 'gm'))?.length ?? 0;
  assert.ok(servers >= 2, `the upstream lists several servers (${servers})`);
  // The e2e server takes the first server's place; the others are left out (this test runs one Linli process).
  let first = true;
  text = text.replace(new RegExp(upstreamServer.source, 'gm'), (_all, indent: string, rest: string) => {
    const line = first ? `${indent}server ${o.upstream} ${rest}` : `${indent}# (another server, not in this test)`;
    first = false;
    return line;
  });
  swap(/^(\s*)listen 80;$/, `$1listen 127.0.0.1:${o.http};`, 1);
  swap(/^(\s*)listen \[::\]:80;$/, o.ipv6 ? `$1listen [::1]:${o.http};` : '', 1);
  swap(/^(\s*)listen 443 ssl http2;$/, `$1listen 127.0.0.1:${o.https} ssl http2;`, 1);
  swap(/^(\s*)listen \[::\]:443 ssl http2;$/, o.ipv6 ? `$1listen [::1]:${o.https} ssl http2;` : '', 1);
  swap(/^(\s*)ssl_certificate \S+;$/, `$1ssl_certificate ${path.join(o.dir, 'cert.pem')};`, 1);
  swap(/^(\s*)ssl_certificate_key \S+;$/, `$1ssl_certificate_key ${path.join(o.dir, 'key.pem')};`, 1);
  swap(/^(\s*)access_log \S+;$/, `$1access_log ${path.join(o.dir, 'access.log')};`, 1);
  swap(/^(\s*)error_log \S+;$/, `$1error_log ${path.join(o.dir, 'error.log')};`, 1);
  swap(/^(\s*)root \/var\/www\/html;$/, `$1root ${o.dir};`, 1);
  return text;
}

/** The main configuration Debian's /etc/nginx/nginx.conf stands for: one process, as this user, all files in `dir`. */
function mainConfig(dir: string): string {
  const p = (f: string) => path.join(dir, f);
  return [
    'daemon off;',
    // One process, as whoever runs the test (as root, nginx's workers would otherwise become "nobody").
    'master_process off;',
    `pid ${p('nginx.pid')};`,
    `error_log ${p('error.log')} info;`,
    'events { worker_connections 256; }',
    'http {',
    `  client_body_temp_path ${p('client_body')};`,
    `  proxy_temp_path ${p('proxy')};`,
    `  fastcgi_temp_path ${p('fastcgi')};`,
    `  uwsgi_temp_path ${p('uwsgi')};`,
    `  scgi_temp_path ${p('scgi')};`,
    `  access_log ${p('access.log')};`,
    // Debian's nginx.conf turns gzip on for the whole http block; the site must hold its own line against that.
    '  gzip on;',
    `  include ${p('linli.conf')};`,
    '}',
    '',
  ].join('\n');
}

/** The newest sign-in in the audit log, as `api` (signed in as the admin) reads it; it must be a fresh one. */
async function newestSignIn(api: APIRequestContext): Promise<{ ip: string | null }> {
  const audit = await api.get('/api/audit?action=auth.sign_in&pageSize=1');
  assert.equal(audit.status(), 200);
  const [entry] = (await audit.json()).items as Array<{ ip: string | null; at: string }>;
  assert.ok(entry && Date.now() - Date.parse(entry.at) < 120_000, 'the sign-in is the newest in the audit log');
  return entry;
}

/** A GET over plain HTTP that does not follow redirects. */
function plainGet(url: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      })
      .on('error', reject);
  });
}

describe('through nginx over HTTPS', { skip: missing ? `${missing} is not installed` : false }, () => {
  const browser = useBrowser();
  let dir = '';
  let nginx: ChildProcess | undefined;
  let site = '';
  let ipv6 = false;
  let redirectPort = 0;
  let httpsPort = 0;
  let nginxLog = '';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-nginx-'));
    ipv6 = await ipv6Loopback();
    const made = spawnSync(
      opensslBin!,
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(made.status, 0, `openssl: ${made.stderr}`);
    httpsPort = await freePort('127.0.0.1');
    redirectPort = await freePort('127.0.0.1');
    const upstream = new URL(BASE).host;
    fs.writeFileSync(
      path.join(dir, 'linli.conf'),
      testConfig(fs.readFileSync(TEMPLATE, 'utf8'), { upstream, https: httpsPort, http: redirectPort, ipv6, dir }),
    );
    fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir));
    const args = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')];
    const checked = spawnSync(nginxBin!, [...args, '-t'], { encoding: 'utf8' });
    assert.equal(checked.status, 0, `nginx -t:\n${checked.stderr}`);
    nginx = spawn(nginxBin!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    nginx.stderr!.on('data', (d) => (nginxLog += d));
    site = ipv6 ? `https://[::1]:${httpsPort}` : `https://127.0.0.1:${httpsPort}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const up = await new Promise<boolean>((resolve) => {
        const s = net.connect(httpsPort, '127.0.0.1', () => {
          s.end();
          resolve(true);
        });
        s.once('error', () => resolve(false));
      });
      if (up) break;
      if (Date.now() > deadline || nginx.exitCode !== null) {
        const log = fs.existsSync(path.join(dir, 'error.log'))
          ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8')
          : '';
        throw new Error(`nginx did not start:\n${nginxLog}\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends plain HTTP to HTTPS, on the configured name', async () => {
    const r = await plainGet(`http://127.0.0.1:${redirectPort}/console/residents?grid=1`);
    assert.equal(r.status, 301);
    assert.equal(r.location, 'https://linli.example.cn/console/residents?grid=1');
  });

  it('signs in over HTTPS: a Secure, HttpOnly cookie, the real address audited, links on the public URL', async () => {
    const context = await browser().newContext({
      ...DESKTOP,
      baseURL: site,
      ignoreHTTPSErrors: true,
      reducedMotion: 'reduce',
      // What a client may write itself: nginx must replace it with the address it saw.
      extraHTTPHeaders: { 'X-Forwarded-For': SPOOFED },
    });
    const page = await context.newPage();
    const first = await page.goto('/sign-in');
    assert.equal(first?.status(), 200);
    assert.equal(first?.url(), `${site}/sign-in`, 'the page came over https');
    const served = await first!.allHeaders();
    assert.equal(served['server'], 'nginx', 'answered through nginx');
    assert.equal(served['strict-transport-security'], undefined, 'nginx adds no HSTS of its own');
    assert.equal(served['cache-control'], 'no-cache', 'index.html is checked again every time');

    await page.getByLabel('手机号').first().fill('13800000001');
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/console/);

    const session = (await context.cookies()).find((c) => c.name === 'linli_session');
    assert.ok(session, 'a session cookie was set');
    assert.equal(session.secure, true, 'the session cookie is Secure over HTTPS');
    assert.equal(session.httpOnly, true, 'the session cookie is HttpOnly');
    assert.equal(session.sameSite, 'Lax');

    // The sign-in as the audit log saw it: the browser's own address. Over IPv6 (::1) only X-Forwarded-For can have
    // told Linli, as nginx reaches it from 127.0.0.1; the address the browser claimed is not believed.
    const entry = await newestSignIn(page.request);
    assert.notEqual(entry.ip, SPOOFED, "the client's own X-Forwarded-For is not believed");
    assert.equal(entry.ip, ipv6 ? '::1' : '127.0.0.1');
    await page.goto('/console/audit');
    await page.getByRole('cell', { name: entry.ip!, exact: true }).first().waitFor();
    await expectAccessible(page, 'audit log through nginx');
    await screenshot(page, 'nginx-console-audit');

    // A printed link (a love badge's QR code) is built on LINLI_PUBLIC_URL, whatever address the browser used.
    const badges = await page.request.get('/api/badges?pageSize=1');
    assert.equal(badges.status(), 200);
    const [badge] = (await badges.json()).items as Array<{ url: string }>;
    assert.ok(badge, 'the demo has badges');
    assert.ok(badge.url.startsWith(`${BASE}/`), `${badge.url} is on LINLI_PUBLIC_URL (${BASE})`);
    assert.ok(!badge.url.startsWith(site), `${badge.url} is not on the address the browser used`);

    // The web app's files: gzipped by nginx, kept a year (Linli's header, passed through untouched).
    const html = await (await page.request.get('/sign-in')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'index.html loads a script from /assets/');
    const asset = await page.request.get(script, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(asset.status(), 200);
    assert.equal(asset.headers()['content-encoding'], 'gzip');
    assert.equal(asset.headers()['cache-control'], 'public, max-age=31536000, immutable');
    // An API answer carrying a secret (the CSRF token) is not compressed (BREACH).
    const me = await page.request.get('/api/auth/me', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(me.status(), 200);
    assert.equal(me.headers()['content-encoding'], undefined);
    await context.close();
  });

  it('replaces the X-Forwarded-For a client writes itself with the address nginx saw', async () => {
    // Over IPv4 the client and nginx share 127.0.0.1, the trusted proxy's address: had nginx appended to the
    // client's header instead of replacing it, Linli would pass over 127.0.0.1 and believe the claimed address.
    const api = await request.newContext({
      baseURL: `https://127.0.0.1:${httpsPort}`,
      ignoreHTTPSErrors: true,
      extraHTTPHeaders: { 'X-Forwarded-For': SPOOFED },
    });
    const res = await api.post('/api/auth/sign-in', { data: { phone: '13800000001', password: PASSWORD } });
    assert.equal(res.status(), 200, await res.text());
    assert.match(res.headers()['set-cookie'] ?? '', /;\s*Secure/i);
    assert.equal((await newestSignIn(api)).ip, '127.0.0.1');

    // An upload just over Linli's limit (10 MB) gets through nginx and is refused by Linli, in the user's language;
    // nginx's own, blunter limit is only for bodies well beyond it.
    const csrf = (await (await api.get('/api/auth/me')).json()).csrfToken as string;
    const upload = (mb: number) =>
      api.post('/api/registry/import', {
        headers: { 'x-csrf-token': csrf },
        multipart: {
          file: { name: 'roster.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(mb * 1048576) },
        },
      });
    const overLinli = await upload(10.5);
    assert.equal(overLinli.status(), 413);
    assert.equal((await overLinli.json()).error.code, 'payload_too_large');
    const overNginx = await upload(12);
    assert.equal(overNginx.status(), 413);
    assert.match(await overNginx.text(), /nginx/);
    await api.dispose();
  });
});
