import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/store/history';
import { type FakeProvider, startHappenstance } from '../fakes/providers';
import { TEST_KEYCHAIN_SERVICE } from '../support/keychain';
import { addAccountCli, runBuiltCli, startBuiltCli } from '../support/run-built-cli';

/**
 * A real full disk and a real read-only folder: a tiny tmpfs, filled or remounted read-only. Root passes every
 * permission bit, but not these. Mounting needs root; where the tests run without it, they say so and are skipped.
 */
function canMount(): boolean {
  const probe = path.join(tmpdir(), `creditbar-mount-probe-${process.pid}`);
  try {
    mkdirSync(probe, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    process.stderr.write('disk-faults: cannot mount a tmpfs here (not root?): these tests are skipped\n');
    return false;
  }
}

const mounts: string[] = [];
let hs: FakeProvider;
beforeAll(async () => {
  hs = await startHappenstance('hs_live_disk_faults_1357');
});
afterAll(() => hs.close());
afterEach(() => {
  for (const dir of mounts.splice(0)) execFileSync('umount', [dir], { stdio: 'ignore' });
});

async function smallDisk(kib: number): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0700`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

const env = () => ({ CREDITBAR_KEY_HAPPENSTANCE: hs.key });

describe.runIf(canMount())('disk faults, for real', () => {
  it('a full disk: status still shows the fresh value, the old cache survives whole, watch goes on and says why', async () => {
    const dir = await smallDisk(256);
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        version: 1,
        accounts: [{ ...hs.account(), pollSeconds: 2, adaptive: false, alerts: { warnBelow: 1800 } }],
      }),
    );
    expect((await runBuiltCli(['status', '--json', '--data-dir', dir], env())).code).toBe(0);
    await runBuiltCli(['watch', '--data-dir', dir, '--for', '3'], env());
    const cacheBefore = readFileSync(path.join(dir, 'cache', 'happenstance.json'), 'utf8');
    const historyBefore = await new HistoryStore(path.join(dir, 'history')).load('happenstance');
    // Fill every remaining byte.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${path.join(dir, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
    } catch {
      // dd stops with ENOSPC, which is the point
    }
    hs.balance = 1700;
    try {
      const status = await runBuiltCli(['status', '--json', '--data-dir', dir], env());
      expect(status.code).toBe(1);
      expect(JSON.parse(status.stdout).accounts[0]).toMatchObject({
        remaining: 1700,
        level: 'warning',
        stale: false,
        error: null,
      });
      expect(readFileSync(path.join(dir, 'cache', 'happenstance.json'), 'utf8')).toBe(cacheBefore);
      const watch = startBuiltCli(['watch', '--data-dir', dir, '--for', '4'], env());
      const { code, stderr } = await watch.exited;
      expect(code).toBe(0);
      expect(watch.lines.filter((l) => l.includes('"remaining":1700')).length).toBeGreaterThanOrEqual(1);
      // The balance crossed the warning level while the disk was full: the alert still reaches the person, and
      // the state that could not be saved is reported.
      expect(watch.lines.filter((l) => l.includes('"type":"alert"'))).toHaveLength(1);
      expect(stderr).toMatch(/Could not save the alert state; Creditbar keeps running/);
      const historyAfter = await new HistoryStore(path.join(dir, 'history')).load('happenstance');
      expect(historyAfter.points.toArray(0, historyBefore.points.length)).toEqual(
        historyBefore.points.toArray(),
      );
    } finally {
      hs.balance = 1840;
    }
  });

  it('a read-only data dir: status works from fresh data; adding an account says why and leaves no key behind', async () => {
    const dir = await smallDisk(256);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ version: 1, accounts: [hs.account()] }));
    expect((await runBuiltCli(['status', '--data-dir', dir], env())).code).toBe(0);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const status = await runBuiltCli(['status', '--json', '--data-dir', dir], env());
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).accounts[0]).toMatchObject({ remaining: 1840, error: null });
    const add = await addAccountCli(
      dir,
      hs.key,
      ['--provider', 'happenstance', '--id', 'readonly-new', '--base-url', hs.server.url],
      {},
    );
    expect(add.code).toBe(3);
    expect(add.stderr).toContain(
      `Cannot write ${path.join(dir, 'config.json')}: the folder is read-only. Nothing was changed.`,
    );
    expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'readonly-new')).toBeNull();
    expect(existsSync(path.join(dir, 'cache', 'readonly-new.json'))).toBe(false);
    // watch runs there too: no monitoring lock can be made, so it monitors without one rather than fail.
    const watch = await runBuiltCli(['watch', '--data-dir', dir, '--for', '3'], env());
    expect(watch.code).toBe(0);
    expect(watch.stdout).toMatch(/"type":"snapshot"/);
    // Removing from a read-only config changes nothing, the key included, and says so truthfully.
    await keytar.setPassword(TEST_KEYCHAIN_SERVICE, 'happenstance', hs.key);
    try {
      const remove = await runBuiltCli(['accounts', 'remove', 'happenstance', '--data-dir', dir]);
      expect(remove.code).toBe(3);
      expect(remove.stderr).toContain(
        `Cannot write ${path.join(dir, 'config.json')}: the folder is read-only. Nothing was changed.`,
      );
      expect(await keytar.getPassword(TEST_KEYCHAIN_SERVICE, 'happenstance')).toBe(hs.key);
    } finally {
      await keytar.deletePassword(TEST_KEYCHAIN_SERVICE, 'happenstance');
    }
  });
});
