/**
 * scripts/release-check.ts: the release workflow's refusals, on the repository's real CHANGELOG.md and package.json,
 * and its check of latest*.yml against the files, on a channel file electron-builder's own writer made.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReleaseError, releaseNotes, verifyUpdateInfo } from '../../scripts/release-check';
import { UpdateServer } from '../support/update-server';

const ROOT = path.resolve(__dirname, '..', '..');
const CHANGELOG = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** CHANGELOG.md as docs/releasing.md's first steps leave it: Unreleased becomes the version, dated, linked. */
function released(changelog: string, version: string, date: string): string {
  return changelog
    .replace('## [Unreleased]', `## [Unreleased]\n\n## [${version}] - ${date}`)
    .replace(
      /^\[Unreleased\]: .*$/m,
      `[Unreleased]: https://github.com/creditbar/creditbar/compare/v${version}...HEAD\n[${version}]: https://github.com/creditbar/creditbar/releases/tag/v${version}`,
    );
}

describe('a tag is released only when the version and the changelog agree with it', () => {
  it('today’s changelog holds the first release under Unreleased: its tag is refused until it is dated', () => {
    expect(() => releaseNotes(`v${VERSION}`, VERSION, CHANGELOG)).toThrow(
      `CHANGELOG.md has no "## [${VERSION}] - YYYY-MM-DD" section: move Unreleased there`,
    );
  });

  it('once the steps in docs/releasing.md are done, the notes are that section, not the next one', () => {
    const notes = releaseNotes(`v${VERSION}`, VERSION, released(CHANGELOG, VERSION, '2026-12-07'));
    const unreleased = CHANGELOG.slice(CHANGELOG.indexOf('## [Unreleased]') + '## [Unreleased]'.length);
    expect(notes).toBe(`${unreleased.slice(0, unreleased.indexOf('\n[Unreleased]: ')).trim()}\n`);
    expect(notes).toContain('### Added');
    expect(notes).not.toContain('[Unreleased]');
  });

  it('refuses a tag that is not the version, a section with no date, and a version with no link', () => {
    const ready = released(CHANGELOG, VERSION, '2026-12-07');
    expect(() => releaseNotes('v9.9.9', VERSION, ready)).toThrow(
      `The tag says 9.9.9, package.json says ${VERSION}: set the version first`,
    );
    expect(() => releaseNotes('release-1', VERSION, ready)).toThrow(
      'The tag "release-1" is not v followed by a version',
    );
    expect(() => releaseNotes(`v${VERSION}`, VERSION, ready.replace(' - 2026-12-07', ''))).toThrow(
      `CHANGELOG.md's heading for ${VERSION} has no date`,
    );
    expect(() => releaseNotes(`v${VERSION}`, VERSION, ready.replace(/^\[\d[^\]]*\]: .*$/m, ''))).toThrow(
      `CHANGELOG.md has no link for [${VERSION}] at its end`,
    );
  });

  it('as a command: its refusal on stderr with status 1, its usage with status 2', () => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const script = path.join(ROOT, 'scripts', 'release-check.ts');
    const refused = spawnSync(tsx, [script, 'notes', 'v0.0.0-nope'], { cwd: ROOT, encoding: 'utf8' });
    expect([refused.status, refused.stdout]).toEqual([1, '']);
    expect(refused.stderr).toBe(
      `release-check: The tag says 0.0.0-nope, package.json says ${VERSION}: set the version first\n`,
    );
    const usage = spawnSync(tsx, [script, 'publish'], { cwd: ROOT, encoding: 'utf8' });
    expect([usage.status, usage.stderr]).toEqual([
      2,
      'usage: release-check notes TAG | release-check verify DIR\n',
    ]);
  });
});

describe('the update files match the installers beside them', () => {
  it('passes what electron-builder wrote, and names a file whose bytes or presence differ', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-release-'));
    dirs.push(dir);
    const server = await UpdateServer.start(dir);
    try {
      const { artifact } = await server.publish('3.4.5', path.join(dir, 'marker'));
      expect(verifyUpdateInfo(dir)).toEqual(['latest-linux.yml: Creditbar-3.4.5.AppImage ok']);
      appendFileSync(artifact, 'one byte more');
      expect(() => verifyUpdateInfo(dir)).toThrow(
        'Creditbar-3.4.5.AppImage is not the file latest-linux.yml describes: its sha512 differs',
      );
      rmSync(artifact);
      expect(() => verifyUpdateInfo(dir)).toThrow(
        `latest-linux.yml names Creditbar-3.4.5.AppImage, which is not in ${dir}`,
      );
      writeFileSync(path.join(dir, 'latest-linux.yml'), 'version: 1.0.0\n');
      expect(() => verifyUpdateInfo(dir)).toThrow(ReleaseError);
    } finally {
      await server.close();
    }
  });
});
