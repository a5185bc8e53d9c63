/**
 * The release workflow's checks, runnable by hand as well:
 *
 *   npx tsx scripts/release-check.ts notes v1.2.0   the tag is package.json's version and CHANGELOG.md dates it;
 *                                                   prints that version's notes (the release's body)
 *   npx tsx scripts/release-check.ts verify dist    every file each latest*.yml names is there, with its sha512
 *                                                   and size: what electron-updater will check on each machine
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export class ReleaseError extends Error {}

const ROOT = path.resolve(__dirname, '..');

/** The notes for the version a tag names, from CHANGELOG.md (Keep a Changelog): refused unless all three agree. */
export function releaseNotes(tag: string, packageVersion: string, changelog: string): string {
  const match = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag);
  if (!match?.[1]) throw new ReleaseError(`The tag "${tag}" is not v followed by a version (v1.2.0)`);
  const version = match[1];
  if (version !== packageVersion)
    throw new ReleaseError(
      `The tag says ${version}, package.json says ${packageVersion}: set the version first`,
    );
  const lines = changelog.split('\n');
  const heading = lines.findIndex((l) => l.startsWith(`## [${version}]`));
  if (heading < 0)
    throw new ReleaseError(
      `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move Unreleased there`,
    );
  if (!/^## \[[^\]]+\] - \d{4}-\d{2}-\d{2}$/.test(lines[heading] ?? ''))
    throw new ReleaseError(
      `CHANGELOG.md's heading for ${version} has no date: "## [${version}] - YYYY-MM-DD"`,
    );
  const next = lines.findIndex((l, i) => i > heading && (l.startsWith('## ') || /^\[[^\]]+\]: /.test(l)));
  const body = lines
    .slice(heading + 1, next < 0 ? undefined : next)
    .join('\n')
    .trim();
  if (body === '') throw new ReleaseError(`CHANGELOG.md's section for ${version} says nothing`);
  if (!changelog.includes(`\n[${version}]: `))
    throw new ReleaseError(`CHANGELOG.md has no link for [${version}] at its end`);
  return `${body}\n`;
}

interface UpdateInfo {
  version?: unknown;
  files?: { url?: unknown; sha512?: unknown; size?: unknown }[];
}

/** Checks every latest*.yml in `dir` against the files beside it; returns one line per file checked. */
export function verifyUpdateInfo(dir: string): string[] {
  const channels = readdirSync(dir).filter((f) => /^latest(-[\w-]+)?\.yml$/.test(f));
  if (channels.length === 0)
    throw new ReleaseError(`${dir} has no latest*.yml: the updater would find nothing`);
  const checked: string[] = [];
  for (const channel of channels.sort()) {
    const info = parse(readFileSync(path.join(dir, channel), 'utf8')) as UpdateInfo | null;
    if (!info?.files?.length) throw new ReleaseError(`${channel} lists no files`);
    for (const entry of info.files) {
      if (typeof entry.url !== 'string' || typeof entry.sha512 !== 'string')
        throw new ReleaseError(`${channel} has an entry without url and sha512`);
      const file = path.join(dir, entry.url);
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch {
        throw new ReleaseError(`${channel} names ${entry.url}, which is not in ${dir}`);
      }
      const sha512 = createHash('sha512').update(data).digest('base64');
      if (sha512 !== entry.sha512)
        throw new ReleaseError(`${entry.url} is not the file ${channel} describes: its sha512 differs`);
      if (typeof entry.size === 'number' && entry.size !== statSync(file).size)
        throw new ReleaseError(`${entry.url} is ${statSync(file).size} bytes, ${channel} says ${entry.size}`);
      checked.push(`${channel}: ${entry.url} ok`);
    }
  }
  return checked;
}

function main(argv: string[]): number {
  const [command, arg] = argv;
  try {
    if (command === 'notes' && arg) {
      const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        version: string;
      };
      process.stdout.write(releaseNotes(arg, version, readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')));
      return 0;
    }
    if (command === 'verify' && arg) {
      process.stdout.write(`${verifyUpdateInfo(arg).join('\n')}\n`);
      return 0;
    }
  } catch (error) {
    if (!(error instanceof ReleaseError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    process.stderr.write(`release-check: ${(error as Error).message}\n`);
    return 1;
  }
  process.stderr.write('usage: release-check notes TAG | release-check verify DIR\n');
  return 2;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
