import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../shared/config';
import type { PrintedStatus } from '../../shared/model';
import { startHappenstance, startMeteredBilling } from '../fakes/providers';
import { eventually, freePort, type Prometheus, startPrometheus } from '../support/prometheus';
import { type RunningCli, runBuiltCli, startBuiltCli } from '../support/run-built-cli';
import { serveInStates } from '../support/serve-states';

const TOKEN = 'scrape-token-5f1c9e2a7b';

let cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  cleanup = [];
});

async function workspace(accounts: Account[]) {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-serve-'));
  const config = path.join(dir, 'config.json');
  await writeFile(config, JSON.stringify({ version: 1, accounts }));
  const tokenFile = path.join(dir, 'token');
  await writeFile(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  return { dir, config, tokenFile };
}

/** Happenstance and metered-billing fakes, closed after the test. */
async function twoFakes() {
  const hs = await startHappenstance();
  const mb = await startMeteredBilling();
  cleanup.push(
    () => hs.close(),
    () => mb.close(),
  );
  return { hs, mb };
}

async function serve(
  args: string[],
  env: Record<string, string>,
): Promise<{ cli: RunningCli; base: string }> {
  const cli = startBuiltCli(['serve', ...args], env);
  cleanup.push(async () => {
    if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
    await cli.exited;
  });
  const line = await cli.waitFor((l) => l.startsWith('Creditbar serves '));
  const base = (/http:\/\/\S+(?=\/metrics)/.exec(line) as RegExpExecArray)[0];
  return { cli, base };
}

const value = async (prometheus: Prometheus, expr: string) => {
  const [first] = await prometheus.query(expr);
  return first?.value;
};

const accountsOf = async (base: string, withToken = true): Promise<PrintedStatus[]> =>
  (
    (await (
      await fetch(`${base}/api/v1/accounts`, {
        headers: withToken ? { authorization: `Bearer ${TOKEN}` } : {},
      })
    ).json()) as {
      accounts: PrintedStatus[];
    }
  ).accounts;

describe('creditbar serve, scraped by a real Prometheus', () => {
  it('Prometheus stores what the fakes served, keeps the balance when a key stops working, and alerts on low', async () => {
    const { hs, mb } = await twoFakes();
    const { dir, tokenFile } = await workspace([
      { ...hs.account(), pollSeconds: 2, adaptive: false, alerts: { warnBelow: 1500 } },
      { ...mb.account(), pollSeconds: 2, adaptive: false },
    ]);
    const port = await freePort();
    const { base } = await serve(
      ['--data-dir', dir, '--listen', `127.0.0.1:${port}`, '--token-file', tokenFile],
      {
        CREDITBAR_KEY_HAPPENSTANCE: hs.key,
        CREDITBAR_KEY_METERED_BILLING: mb.key,
      },
    );
    const prometheus = await startPrometheus(`127.0.0.1:${port}`, tokenFile);
    cleanup.push(() => prometheus.stop());

    // The balance, the ratio, the level and up, as Prometheus stored them from its own scrapes.
    await eventually(async () =>
      (await value(prometheus, 'creditbar_balance{account="happenstance"}')) === 1840 ? true : undefined,
    );
    const quota = (await accountsOf(base)).find((a) => a.id === 'metered-billing')?.quotas[0];
    expect(quota?.used).toBe(mb.balance);
    const ratio = await eventually(() =>
      value(prometheus, 'creditbar_quota_used_ratio{account="metered-billing"}'),
    );
    expect(ratio).toBeCloseTo((quota?.percentUsed ?? Number.NaN) / 100, 9);
    expect(await value(prometheus, 'creditbar_account_level{account="happenstance",level="ok"}')).toBe(1);
    expect(await value(prometheus, 'creditbar_up{account="happenstance"}')).toBe(1);
    expect(await value(prometheus, 'up{job="creditbar"}')).toBe(1);

    // Below the warning level: the level moves, and the rule's alert becomes pending in Prometheus.
    hs.balance = 1400;
    await eventually(async () =>
      (await value(prometheus, 'creditbar_account_level{account="happenstance",level="warning"}')) === 1
        ? true
        : undefined,
    );
    const low = await eventually(async () =>
      (await prometheus.alerts()).find((a) => a.labels.alertname === 'CreditbarBalanceLow'),
    );
    expect(low.labels).toMatchObject({ account: 'happenstance', severity: 'warning' });

    // The key stops working: up goes to 0, the balance series stays with its last value.
    hs.key = 'hs_live_revoked000000';
    await eventually(async () =>
      (await value(prometheus, 'creditbar_up{account="happenstance"}')) === 0 ? true : undefined,
    );
    expect(await value(prometheus, 'creditbar_balance{account="happenstance"}')).toBe(1400);
    expect(
      await value(prometheus, 'creditbar_poll_errors_total{account="happenstance",kind="auth"}'),
    ).toBeGreaterThan(0);
    expect(await value(prometheus, 'creditbar_up{account="metered-billing"}')).toBe(1);

    // The API says the problem in the language the client asks for, English when it names none of ours.
    const said = async (acceptLanguage: string | null) => {
      const res = await fetch(`${base}/api/v1/accounts`, {
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
        },
      });
      const { accounts } = (await res.json()) as { accounts: PrintedStatus[] };
      const problem = accounts.find((a) => a.id === 'happenstance')?.error?.message;
      return [res.headers.get('content-language'), problem];
    };
    expect(await said(null)).toEqual(['en', 'The key was rejected (401): Invalid API key']);
    expect(await said('fr-CH, de;q=0.9, en;q=0.8')).toEqual([
      'de',
      'Der Schlüssel wurde abgelehnt (401): Invalid API key',
    ]);
    expect(await said('fr')).toEqual(['en', 'The key was rejected (401): Invalid API key']);
  }, 90_000);

  it('a rejected key, a missing key and an unreachable host each make their alert pending in a real Prometheus', async () => {
    const serve = await serveInStates();
    cleanup.push(() => serve.stop());
    const prometheus = await startPrometheus(new URL(serve.base).host);
    cleanup.push(() => prometheus.stop());
    const pending = await eventually(async () => {
      const alerts = (await prometheus.alerts()).map((a) => `${a.labels.alertname}:${a.labels.account}`);
      const wanted = [
        'CreditbarKeyRejected:rejected',
        'CreditbarKeyMissing:missing',
        'CreditbarProviderFailing:unreachable',
      ];
      return wanted.every((w) => alerts.includes(w)) ? alerts : undefined;
    });
    // And none for the account that is fine.
    expect(pending.filter((a) => a.endsWith(':fine'))).toEqual([]);
  }, 60_000);

  it('a scrape asks no provider; promtool accepts the scrape; the token guards all but /healthz', async () => {
    const hs = await startHappenstance();
    cleanup.push(() => hs.close());
    const { dir, tokenFile } = await workspace([{ ...hs.account(), pollSeconds: 3600, adaptive: false }]);
    const { base } = await serve(['--data-dir', dir, '--listen', '127.0.0.1:0', '--token-file', tokenFile], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
    });
    const auth = { authorization: `Bearer ${TOKEN}` };
    await eventually(async () => ((await accountsOf(base))[0]?.remaining === 1840 ? true : undefined));
    const asked = hs.server.requests.length;
    let body = '';
    for (let i = 0; i < 20; i++) body = await (await fetch(`${base}/metrics`, { headers: auth })).text();
    expect(hs.server.requests.length).toBe(asked);
    const check = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(body).not.toContain(hs.key);

    const om = await fetch(`${base}/metrics`, {
      headers: { ...auth, accept: 'application/openmetrics-text; version=1.0.0' },
    });
    expect(om.headers.get('content-type')).toMatch(/^application\/openmetrics-text/);
    expect((await om.text()).trimEnd().endsWith('# EOF')).toBe(true);

    const refused: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token-000000000' },
      { authorization: TOKEN },
    ];
    for (const headers of refused) {
      for (const route of ['/metrics', '/api/v1/accounts']) {
        const res = await fetch(`${base}${route}`, { headers });
        expect(res.status).toBe(401);
        expect(await res.text()).not.toContain('1840');
      }
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`, { method: 'POST', headers: auth })).status).toBe(405);
    expect((await fetch(`${base}/nothing`, { headers: auth })).status).toBe(404);
  }, 60_000);

  it('SIGHUP adds and removes accounts without a restart; SIGTERM stops cleanly with the state saved', async () => {
    const { hs, mb } = await twoFakes();
    const { dir, config } = await workspace([
      { ...hs.account(), pollSeconds: 3600, adaptive: false, alerts: { warnBelow: 5000 } },
    ]);
    const { cli, base } = await serve(['--data-dir', dir, '--listen', '127.0.0.1:0'], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
      CREDITBAR_KEY_METERED_BILLING: mb.key,
    });
    const ids = async () =>
      ((await (await fetch(`${base}/api/v1/accounts`)).json()) as { accounts: PrintedStatus[] }).accounts.map(
        (a) => a.id,
      );
    expect(await ids()).toEqual(['happenstance']);
    await writeFile(
      config,
      JSON.stringify({ version: 1, accounts: [{ ...mb.account(), pollSeconds: 3600, adaptive: false }] }),
    );
    cli.child.kill('SIGHUP');
    await cli.waitFor((l) => l.startsWith('Config read again'));
    expect(await ids()).toEqual(['metered-billing']);
    await eventually(async () =>
      (await (await fetch(`${base}/metrics`)).text()).includes('creditbar_up{account="metered-billing"} 1')
        ? true
        : undefined,
    );
    expect(await (await fetch(`${base}/metrics`)).text()).not.toContain('account="happenstance"');

    // A config broken by hand is refused on reload; the running one stays.
    await writeFile(config, '{"version": 1, "accounts": [{"id": "Bad Id"}]}');
    cli.child.kill('SIGHUP');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await ids()).toEqual(['metered-billing']);

    // So is a config that is gone: read as "no accounts", it silenced every rule.
    await rm(config);
    cli.child.kill('SIGHUP');
    await cli.waitFor(() => false, 1500).catch(() => undefined);
    expect(await ids()).toEqual(['metered-billing']);

    // Two reloads close together end with the file as the second one found it. Each file is written whole
    // (renamed into place), as an editor saves: a reload must not read one half-written.
    const replace = async (text: string) => {
      await writeFile(`${config}.new`, text);
      await rename(`${config}.new`, config);
    };
    await replace(JSON.stringify({ version: 1, accounts: [{ ...hs.account(), pollSeconds: 3600 }] }));
    cli.child.kill('SIGHUP');
    await replace(
      JSON.stringify({
        version: 1,
        accounts: [
          { ...mb.account(), pollSeconds: 3600 },
          { ...hs.account(), pollSeconds: 3600 },
        ],
      }),
    );
    cli.child.kill('SIGHUP');
    await eventually(async () => ((await ids()).length === 2 ? true : undefined));
    // Polled again since it came back: its alert state is the one saved at the stop.
    await eventually(async () =>
      (await (await fetch(`${base}/metrics`)).text()).includes('creditbar_up{account="metered-billing"} 1')
        ? true
        : undefined,
    );

    cli.child.kill('SIGTERM');
    const { code, stderr } = await cli.exited;
    expect(code).toBe(0);
    expect(stderr).toMatch(/not reloaded, the old one stays/);
    expect(stderr).toContain(
      'config.json is not there. A config that is gone is not read as one with no accounts',
    );
    const saved = JSON.parse(await readFile(path.join(dir, 'alert-state.json'), 'utf8'));
    expect(Object.keys(saved.accounts)).toContain('metered-billing');
  }, 60_000);

  it('a SIGHUP while serve is still starting is taken as a reload, not as the end', async () => {
    const hs = await startHappenstance();
    cleanup.push(() => hs.close());
    const { dir } = await workspace([{ ...hs.account(), pollSeconds: 3600, adaptive: false }]);
    const cli = startBuiltCli(['serve', '--data-dir', dir, '--listen', '127.0.0.1:0'], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
    });
    cleanup.push(async () => {
      if (cli.child.exitCode === null) cli.child.kill('SIGTERM');
      await cli.exited;
    });
    // Before it listens: its modules are loaded, its stores not yet open.
    await new Promise((r) => setTimeout(r, 150));
    cli.child.kill('SIGHUP');
    await cli.waitFor((l) => l.startsWith('Creditbar serves '));
    await cli.waitFor((l) => l.startsWith('Config read again'));
    expect(cli.child.exitCode).toBeNull();
  }, 30_000);

  it('SIGHUP with an account pointed at another host that fails: the old host’s balance is gone for good', async () => {
    const hs = await startHappenstance();
    // The new host knows another key: ours is rejected there, and polling stops.
    const other = await startHappenstance('hs_live_someone_else_1234');
    cleanup.push(
      () => hs.close(),
      () => other.close(),
    );
    const { dir, config } = await workspace([{ ...hs.account(), pollSeconds: 3600, adaptive: false }]);
    const { cli, base } = await serve(['--data-dir', dir, '--listen', '127.0.0.1:0'], {
      CREDITBAR_KEY_HAPPENSTANCE: hs.key,
    });
    const metrics = async () => (await fetch(`${base}/metrics`)).text();
    await eventually(async () =>
      (await metrics()).includes('creditbar_up{account="happenstance"} 1') ? true : undefined,
    );
    expect(await metrics()).toContain(
      'creditbar_balance{account="happenstance",provider="happenstance",unit="credits"} 1840',
    );

    await writeFile(
      config,
      JSON.stringify({ version: 1, accounts: [{ ...other.account(), pollSeconds: 3600, adaptive: false }] }),
    );
    cli.child.kill('SIGHUP');
    await cli.waitFor((l) => l.startsWith('Config read again'));
    expect(await metrics()).not.toContain('creditbar_balance{account="happenstance"');
    await eventually(async () => (other.server.requests.length > 0 ? true : undefined));
    await eventually(async () =>
      (await accountsOf(base, false))[0]?.error?.kind === 'auth' ? true : undefined,
    );
    const [shown] = await accountsOf(base, false);
    expect(shown).toMatchObject({ id: 'happenstance', remaining: null, stale: false });
    const text = await metrics();
    expect(text).not.toContain('creditbar_balance{account="happenstance"');
    expect(text).toContain('creditbar_up{account="happenstance"} 0');
  }, 30_000);

  it('beyond loopback it needs a readable token file of at least 16 characters, and says so', async () => {
    const { dir } = await workspace([{ id: 'demo', provider: 'demo', label: 'Demo' }]);
    const everywhere = (...more: string[]) =>
      runBuiltCli(['serve', '--data-dir', dir, '--listen', '0.0.0.0:0', ...more]);
    const refused = await everywhere();
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/--token-file/);
    const unreadable = await everywhere('--token-file', path.join(dir, 'none'));
    expect(unreadable.code).toBe(3);
    expect(unreadable.stderr).toMatch(/Could not read the token file .*\(ENOENT\)/);
    await writeFile(path.join(dir, 'short'), 'abc\n');
    const short = await everywhere('--token-file', path.join(dir, 'short'));
    expect(short.code).toBe(3);
    expect(short.stderr).toMatch(/at least 16 characters/);
  });

  it('a token file other users can read is used, with a warning to make it the owner’s alone', async () => {
    const { dir } = await workspace([{ id: 'demo', provider: 'demo', label: 'Demo' }]);
    const file = path.join(dir, 'shared-token');
    await writeFile(file, `${TOKEN}\n`, { mode: 0o644 });
    const { cli } = await serve(['--data-dir', dir, '--listen', '0.0.0.0:0', '--token-file', file], {});
    cli.child.kill('SIGTERM');
    const { code, stderr } = await cli.exited;
    expect(code).toBe(0);
    expect(stderr).toContain(`${file} can be read by other users`);
    expect(stderr).toContain(`chmod 600 ${file}`);
  });
});
