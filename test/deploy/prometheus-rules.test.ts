import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(__dirname, '..', '..', 'deploy', 'prometheus');

/** Debian's promtool, installed by `.ci/run` with Prometheus. */
function promtool(...args: string[]) {
  return spawnSync('promtool', args, { cwd: DIR, encoding: 'utf8' });
}

describe('the shipped Prometheus alert rules', () => {
  it('promtool checks them', () => {
    const run = promtool('check', 'rules', 'creditbar-rules.yml');
    expect(run.stdout).toContain('SUCCESS: 7 rules found');
    expect(run.status).toBe(0);
  });

  it("promtool's unit tests fire each alert after its `for`, on the series serve exports", () => {
    const run = promtool('test', 'rules', 'creditbar-rules.test.yml');
    expect(run.stdout + run.stderr).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});
