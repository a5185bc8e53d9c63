import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../shared/config';
import { type FakeProvider, startGenerect, startHappenstance, startKlaim } from '../fakes/providers';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { launchChromium, openPopover, serveRenderer } from '../support/popover-harness';
import { addAccountCli, runBuiltCli, startBuiltCli } from '../support/run-built-cli';

let browser: Browser;
let renderer: { url: string; server: Server };
const fakes: FakeProvider[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  renderer = await serveRenderer();
});
afterAll(async () => {
  await browser.close();
  renderer.server.close();
  await Promise.all(fakes.map((f) => f.close()));
});

function everyFile(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

const forms = (key: string) => [key, Buffer.from(key).toString('base64'), encodeURIComponent(key)];

describe('security', () => {
  it('recognisable keys never appear in the data dir, any output, or any message to the renderer', {
    timeout: 60_000,
  }, async () => {
    const hs = await startHappenstance('sk_LEAKCHECK_happenstance_0001');
    const gen = await startGenerect('sk_LEAKCHECK_generect_0002');
    const kl = await startKlaim('sk_LEAKCHECK_klaim_0003');
    fakes.push(hs, gen, kl);
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'creditbar-leak-')), 'data');
    const outputs: string[] = [];
    for (const fake of [hs, gen, kl]) {
      const account = fake.account(`leak-${fake.provider}`);
      const flags = [
        '--provider',
        fake.provider,
        '--id',
        account.id,
        '--base-url',
        account.baseUrl as string,
      ];
      if (account.userId) flags.push('--user-id', account.userId);
      const add = await addAccountCli(dataDir, fake.key, flags);
      expect(add.code).toBe(0);
      outputs.push(add.stdout, add.stderr);
    }
    // A 401 whose body echoes the key, so an error path is exercised too.
    hs.server.fail({ type: 'reply', reply: hs.errorReply(401, `bad key ${hs.key}`) });
    const status = await runBuiltCli(['status', '--data-dir', dataDir]);
    outputs.push(status.stdout, status.stderr);
    const json = await runBuiltCli(['status', '--json', '--data-dir', dataDir]);
    outputs.push(json.stdout, json.stderr);
    const list = await runBuiltCli(['accounts', 'list', '--data-dir', dataDir]);
    outputs.push(list.stdout, list.stderr);
    const watch = startBuiltCli(['watch', '--data-dir', dataDir, '--for', '4']);
    const watched = await watch.exited;
    outputs.push(watch.lines.join('\n'), watched.stderr);

    const popover = await openPopover(browser, renderer.url, dataDir);
    try {
      await popover.page.locator('.account-row').nth(2).waitFor();
      await popover.controller.handlers['accounts:refresh']({});
    } finally {
      await popover.close();
    }
    const haystack = [
      ...outputs,
      ...popover.pushedText,
      ...everyFile(dataDir).map((f) => readFileSync(f, 'utf8')),
    ].join('\n');
    expect(haystack).toContain('leak-generect');
    expect(popover.pushedText.length).toBeGreaterThan(0);
    for (const fake of [hs, gen, kl]) {
      for (const form of forms(fake.key)) expect(haystack).not.toContain(form);
    }
    for (const account of ['leak-happenstance', 'leak-generect', 'leak-klaim'])
      await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, account);
  });

  it('config and data files are written 0600, folders 0700', async () => {
    const hs = await startHappenstance('sk_modes_check_000000001');
    fakes.push(hs);
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'creditbar-modes-')), 'fresh');
    const add = await addAccountCli(
      dataDir,
      hs.key,
      ['--provider', 'happenstance', '--id', 'modes', '--base-url', hs.server.url],
      {},
    );
    expect(add.code).toBe(0);
    const watch = startBuiltCli(['watch', '--data-dir', dataDir, '--for', '3']);
    await watch.exited;
    const mode = (p: string) => statSync(path.join(dataDir, p)).mode & 0o777;
    expect({
      dir: mode('.'),
      config: mode('config.json'),
      cacheDir: mode('cache'),
      cache: mode('cache/modes.json'),
      historyDir: mode('history'),
      history: mode('history/modes.jsonl'),
      alerts: mode('alert-state.json'),
    }).toEqual({
      dir: 0o700,
      config: 0o600,
      cacheDir: 0o700,
      cache: 0o600,
      historyDir: 0o700,
      history: 0o600,
      alerts: 0o600,
    });
    await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'modes');
  });

  it('hostile provider strings render as text in real Chromium: nothing runs, the layout holds', async () => {
    const gen = await startGenerect('sk_hostile_strings_0000001');
    fakes.push(gen);
    const hostile = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>\u202Eexe.gnp ${'x'.repeat(1_000_000)}`;
    // The provider's own answer carries the hostile text (an operation name), as a compromised API could.
    gen.server.fail(
      {
        type: 'reply',
        reply: {
          json: {
            data: { credits: { balance: 5000, used_this_month: 1, monthly_limit: 10 }, plan: hostile },
          },
        },
        path: '/api/v1/accounts/me/',
      },
      {
        type: 'reply',
        reply: { json: { data: { total_credits: 1, breakdown: { [hostile]: 1 } } } },
        path: '/api/v1/accounts/usage/',
      },
    );
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-hostile-'));
    const popover = await openPopover(browser, renderer.url, dataDir);
    try {
      const { page } = popover;
      // A label with a direction override is refused where it is typed; markup in it is only text.
      expect(Account.safeParse({ id: 'h', provider: 'generect', label: 'a\u202Eb' }).success).toBe(false);
      const account = { id: 'hostile', provider: 'generect', label: '<b>bold</b>', baseUrl: gen.server.url };
      expect(
        await popover.controller.handlers['accounts:add']({ account: account as never, key: gen.key }),
      ).toBeNull();
      await popover.controller.handlers['accounts:refresh']({});
      const row = page.getByRole('button', { name: /^<b>bold<\/b>/ });
      await row.waitFor();
      await row.click();
      await page.getByRole('heading', { name: 'By operation this month' }).waitFor();
      expect(await page.evaluate('window.pwned')).toBeUndefined();
      expect(await page.locator('img, script:not([src]), b').count()).toBe(0);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(380);
      const shown = (await page.locator('.kv li span').first().textContent()) ?? '';
      expect(shown.startsWith('<img src=x onerror="window.pwned=1">')).toBe(true);
      expect(shown).toContain('exe.gnp');
      expect(shown).not.toContain('\u202E');
      expect(shown.length).toBeLessThanOrEqual(200);
      await page.screenshot({ path: path.resolve(__dirname, '../output/screenshots/hostile-strings.png') });
    } finally {
      await popover.close();
      await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'hostile');
    }
  });
});
