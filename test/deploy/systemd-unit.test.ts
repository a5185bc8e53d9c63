import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIM_TIMING } from '../../main/core/runtime/monitor-ownership';

const UNIT = path.resolve(__dirname, '..', '..', 'deploy', 'systemd', 'creditbar.service');

describe('the shipped systemd unit', () => {
  it('systemd-analyze verify finds nothing wrong with it (Debian systemd, installed by .ci/run)', () => {
    const run = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
    expect(run.stderr + run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  it('restarts a crashed serve once its claim on the data dir is stale, so the new one alerts at once', () => {
    const restart = /^RestartSec=(\d+)s$/m.exec(readFileSync(UNIT, 'utf8'));
    expect(Number(restart?.[1]) * 1000).toBeGreaterThanOrEqual(CLAIM_TIMING.staleMs);
  });

  it('runs serve on loopback as a dynamic user with its own state directory and the system read-only', () => {
    const unit = readFileSync(UNIT, 'utf8');
    const settings = new Map(
      unit
        .split('\n')
        .filter((line) => /^[A-Za-z]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(settings.get('ExecStart')).toMatch(
      /creditbar serve --listen 127\.0\.0\.1:9464 .*--data-dir \$\{STATE_DIRECTORY\}/,
    );
    expect(settings.get('ExecReload')).toBe('/bin/kill -HUP $MAINPID');
    const expected: [string, string][] = [
      ['DynamicUser', 'yes'],
      ['StateDirectory', 'creditbar'],
      ['ProtectSystem', 'strict'],
      ['ProtectHome', 'yes'],
      ['NoNewPrivileges', 'yes'],
      ['PrivateTmp', 'yes'],
      ['CapabilityBoundingSet', ''],
    ];
    for (const [key, value] of expected) expect([key, settings.get(key)]).toEqual([key, value]);
  });
});
