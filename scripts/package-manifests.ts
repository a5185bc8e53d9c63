/**
 * The package managers' recipes for one release, made from package.json and the release's SHA256SUMS.txt: a
 * Homebrew cask, winget's three manifests, a Scoop manifest, and the AUR's PKGBUILD with its .SRCINFO. The release
 * workflow runs it once every installer is built and attaches the result; a maintainer submits each to its registry
 * (docs/releasing.md).
 *
 *   npx tsx scripts/package-manifests.ts --sums dist/SHA256SUMS.txt --out dist/manifests
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';

/** What package.json says about the app, as the recipes need it. */
export interface AppFacts {
  /** electron-builder.yml's appId: macOS names the app's preferences after it. */
  appId: string;
  name: string;
  productName: string;
  version: string;
  description: string;
  homepage: string;
  license: string;
  /** The GitHub repository releases are published to, "owner/name". */
  repository: string;
}

/** One file of the release, where it is downloaded from, and its SHA-256. */
export interface Asset {
  file: string;
  url: string;
  sha256: string;
}

/** A release the recipes cannot be made from, said as a maintainer can act on it. */
export class ManifestError extends Error {}

const ROOT = path.resolve(__dirname, '..');
/** Electron 45 runs on macOS 12 (Monterey) and later, and Windows 10 and later. */
const MACOS_MINIMUM = ':monterey';
const WINDOWS_MINIMUM = '10.0.0.0';
/**
 * Homebrew's desc: under 80 characters, no leading article or app name, no final period (`brew audit`'s rules);
 * package.json's description is longer.
 */
const SHORT_DESCRIPTION = 'Watches API credit balances and usage quotas from the menu bar';
/** winget's schema version these manifests follow (its published schema validates them in the tests). */
const WINGET_MANIFEST_VERSION = '1.0.0';

export function appFacts(pkg: Record<string, unknown>, appId: string): AppFacts {
  const text = (key: string) => {
    const value = pkg[key];
    if (typeof value !== 'string' || value.trim() === '')
      throw new ManifestError(`package.json has no "${key}"`);
    return value;
  };
  const repo = pkg.repository as { url?: unknown } | string | undefined;
  const repoUrl = typeof repo === 'string' ? repo : typeof repo?.url === 'string' ? repo.url : '';
  const match = /github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(repoUrl);
  if (!match) throw new ManifestError('package.json\'s "repository" is not a GitHub repository URL');
  const version = text('version');
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new ManifestError(`package.json's version "${version}" is not a release version (x.y.z)`);
  return {
    appId,
    name: text('name'),
    productName: text('productName'),
    version,
    description: text('description'),
    homepage: text('homepage'),
    license: text('license'),
    repository: `${match[1]}/${match[2]}`,
  };
}

/** `sha256sum`'s lines: 64 hex digits, two spaces (or a space and `*`), the file name. */
export function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    if (!match?.[1] || !match[2])
      throw new ManifestError(
        `SHA256SUMS.txt line ${index + 1} is not "<sha256>  <file>": ${line.slice(0, 80)}`,
      );
    sums.set(match[2], match[1].toLowerCase());
  });
  return sums;
}

/** The release files each recipe installs, named as electron-builder.yml's artifactName makes them. */
export function releaseAssets(app: AppFacts, sums: ReadonlyMap<string, string>) {
  const { productName: product, version } = app;
  const asset = (file: string, usedBy: string): Asset => {
    const sha256 = sums.get(file);
    if (!sha256) throw new ManifestError(`SHA256SUMS.txt has no ${file}, which ${usedBy} installs`);
    return {
      file,
      url: `https://github.com/${app.repository}/releases/download/v${version}/${file}`,
      sha256,
    };
  };
  return {
    dmg: asset(`${product}-${version}-universal.dmg`, 'the Homebrew cask'),
    setup: asset(`${product}-Setup-${version}.exe`, 'the winget manifest'),
    winZip: asset(`${product}-${version}-win-x64.zip`, 'the Scoop manifest'),
    deb: asset(`${product}-${version}-amd64.deb`, 'the AUR package'),
  };
}
type Assets = ReturnType<typeof releaseAssets>;

/** Homebrew's cask, in the stanza order `brew style` asks for; the app never updates a cask install itself. */
export function homebrewCask(app: AppFacts, assets: Assets): string {
  const url = assets.dmg.url.replaceAll(app.version, '#{version}');
  return `cask "${app.name}" do
  version "${app.version}"
  sha256 "${assets.dmg.sha256}"

  url "${url}"
  name "${app.productName}"
  desc "${SHORT_DESCRIPTION}"
  homepage "${app.homepage}"

  livecheck do
    url :url
    strategy :github_latest
  end

  depends_on macos: ">= ${MACOS_MINIMUM}"

  app "${app.productName}.app"

  zap trash: [
    "~/Library/Application Support/${app.productName}",
    "~/Library/Caches/${app.name}-updater",
    "~/Library/Logs/${app.productName}",
    "~/Library/Preferences/${app.appId}.plist",
    "~/Library/Saved Application State/${app.appId}.savedState",
  ]
end
`;
}

/** One value per line, never folded: winget's reviewers read the files as plain text. */
const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

const wingetId = (app: AppFacts) => `${app.productName}.${app.productName}`;

/** winget's multi-file manifest (version, installer, default locale), in the folder winget-pkgs keeps it. */
export function wingetManifests(app: AppFacts, assets: Assets): Record<string, string> {
  const id = wingetId(app);
  const folder = `winget/manifests/${id[0]?.toLowerCase()}/${id.replace('.', '/')}/${app.version}`;
  const header = (type: string) =>
    `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.${WINGET_MANIFEST_VERSION}.schema.json\n`;
  const common = { PackageIdentifier: id, PackageVersion: app.version };
  const tail = (type: string) => ({ ManifestType: type, ManifestVersion: WINGET_MANIFEST_VERSION });
  return {
    [`${folder}/${id}.yaml`]:
      header('version') + yaml({ ...common, DefaultLocale: 'en-US', ...tail('version') }),
    [`${folder}/${id}.installer.yaml`]:
      header('installer') +
      yaml({
        ...common,
        MinimumOSVersion: WINDOWS_MINIMUM,
        InstallerType: 'nullsoft',
        Scope: 'user',
        // Passed to the NSIS installer, which then marks the install as winget's (assets/installer.nsh).
        InstallerSwitches: { Custom: '--package-manager=winget' },
        UpgradeBehavior: 'install',
        Installers: [
          {
            Architecture: 'x64',
            InstallerUrl: assets.setup.url,
            InstallerSha256: assets.setup.sha256.toUpperCase(),
          },
        ],
        ...tail('installer'),
      }),
    [`${folder}/${id}.locale.en-US.yaml`]:
      header('defaultLocale') +
      yaml({
        ...common,
        PackageLocale: 'en-US',
        Publisher: app.productName,
        PublisherUrl: `https://github.com/${app.repository.split('/')[0]}`,
        PackageName: app.productName,
        PackageUrl: app.homepage,
        License: app.license,
        LicenseUrl: `https://github.com/${app.repository}/blob/v${app.version}/LICENSE`,
        ShortDescription: app.description,
        Moniker: app.name,
        Tags: ['api', 'credits', 'quota', 'tray', 'monitoring'],
        ...tail('defaultLocale'),
      }),
  };
}

/** Scoop's manifest: the portable zip, with checkver and autoupdate so Scoop's bots follow new releases. */
export function scoopManifest(app: AppFacts, assets: Assets): string {
  const template = assets.winZip.url.replaceAll(app.version, '$version');
  const manifest = {
    version: app.version,
    description: app.description,
    homepage: app.homepage,
    license: app.license,
    architecture: { '64bit': { url: assets.winZip.url, hash: assets.winZip.sha256 } },
    shortcuts: [[`${app.productName}.exe`, app.productName]],
    checkver: { github: `https://github.com/${app.repository}` },
    autoupdate: { architecture: { '64bit': { url: template } } },
  };
  return `${JSON.stringify(manifest, null, 4)}\n`;
}

/** What the Electron app needs on Arch, as the deb's Depends lists it for Debian. */
const ARCH_DEPENDS = [
  'gtk3',
  'nss',
  'libnotify',
  'libxss',
  'libxtst',
  'xdg-utils',
  'at-spi2-core',
  'util-linux-libs',
  'libsecret',
];

/** The AUR's creditbar-bin: the release's deb unpacked, marked as the AUR's so the app leaves updates to pacman. */
export function aurPackage(app: AppFacts, assets: Assets, license: { url: string; sha256: string }) {
  const pkgname = `${app.name}-bin`;
  const debName = `${app.name}-$pkgver-amd64.deb`;
  const debUrl = assets.deb.url.replaceAll(app.version, '$pkgver');
  const licenseName = `LICENSE-$pkgver`;
  const licenseUrl = license.url.replaceAll(app.version, '$pkgver');
  const opt = `/opt/${app.productName}`;
  const quoted = (items: string[]) => items.map((i) => `'${i}'`).join(' ');
  const pkgbuild = `# Maintainer: ${app.productName} <https://github.com/${app.repository}>
# Made by scripts/package-manifests.ts from the release's SHA256SUMS.txt; edit the script, not this file.
pkgname=${pkgname}
pkgver=${app.version}
pkgrel=1
pkgdesc='${app.description.replaceAll("'", '')}'
arch=('x86_64')
url='${app.homepage}'
license=('${app.license}')
depends=(${quoted(ARCH_DEPENDS)})
provides=('${app.name}')
conflicts=('${app.name}')
options=('!strip' '!debug')
source=("${licenseName}::${licenseUrl}")
source_x86_64=("${debName}::${debUrl}")
sha256sums=('${license.sha256}')
sha256sums_x86_64=('${assets.deb.sha256}')

package() {
  bsdtar -xf data.tar.xz -C "$pkgdir"
  # The deb's postinst links the command; pacman runs no postinst.
  install -dm755 "$pkgdir/usr/bin"
  ln -s '${opt}/${app.name}' "$pkgdir/usr/bin/${app.name}"
  # Tells the app that pacman updates it, not the app itself (main/core/updates/install-source.ts).
  printf 'aur' > "$pkgdir${opt}/resources/package-manager"
  install -Dm644 "$srcdir/${licenseName}" "$pkgdir/usr/share/licenses/$pkgname/LICENSE"
}
`;
  // .SRCINFO as \`makepkg --printsrcinfo\` writes it (the tests compare the two).
  const expand = (s: string) => s.replaceAll('$pkgver', app.version);
  const lines = [
    `pkgbase = ${pkgname}`,
    `\tpkgdesc = ${app.description.replaceAll("'", '')}`,
    `\tpkgver = ${app.version}`,
    '\tpkgrel = 1',
    `\turl = ${app.homepage}`,
    '\tarch = x86_64',
    `\tlicense = ${app.license}`,
    ...ARCH_DEPENDS.map((d) => `\tdepends = ${d}`),
    `\tprovides = ${app.name}`,
    `\tconflicts = ${app.name}`,
    '\toptions = !strip',
    '\toptions = !debug',
    `\tsource = ${expand(licenseName)}::${expand(licenseUrl)}`,
    `\tsha256sums = ${license.sha256}`,
    `\tsource_x86_64 = ${expand(debName)}::${expand(debUrl)}`,
    `\tsha256sums_x86_64 = ${assets.deb.sha256}`,
    '',
    `pkgname = ${pkgname}`,
    '',
  ];
  return { [`aur/${pkgname}/PKGBUILD`]: pkgbuild, [`aur/${pkgname}/.SRCINFO`]: lines.join('\n') };
}

/** Every recipe, by its path under the output folder. */
export function packageManifests(release: {
  /** package.json */
  pkg: Record<string, unknown>;
  /** electron-builder.yml */
  builderConfig: string;
  /** The release's SHA256SUMS.txt. */
  sums: string;
  /** The LICENSE file the tag holds. */
  licenseText: string;
}): Record<string, string> {
  const appId = (parse(release.builderConfig) as { appId?: unknown } | null)?.appId;
  if (typeof appId !== 'string') throw new ManifestError('electron-builder.yml has no appId');
  const app = appFacts(release.pkg, appId);
  const assets = releaseAssets(app, parseSums(release.sums));
  const { licenseText } = release;
  const license = {
    url: `https://raw.githubusercontent.com/${app.repository}/v${app.version}/LICENSE`,
    sha256: createHash('sha256').update(licenseText).digest('hex'),
  };
  return {
    [`homebrew/Casks/${app.name}.rb`]: homebrewCask(app, assets),
    ...wingetManifests(app, assets),
    [`scoop/bucket/${app.name}.json`]: scoopManifest(app, assets),
    ...aurPackage(app, assets, license),
  };
}

function main(argv: string[]): number {
  let values: { sums?: string | undefined; out?: string | undefined };
  try {
    ({ values } = parseArgs({ args: argv, options: { sums: { type: 'string' }, out: { type: 'string' } } }));
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nusage: package-manifests --sums SHA256SUMS.txt --out DIR\n`,
    );
    return 2;
  }
  if (!values.sums || !values.out) {
    process.stderr.write('usage: package-manifests --sums SHA256SUMS.txt --out DIR\n');
    return 2;
  }
  try {
    const files = packageManifests({
      pkg: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')),
      builderConfig: readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8'),
      sums: readFileSync(values.sums, 'utf8'),
      licenseText: readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'),
    });
    for (const [relative, content] of Object.entries(files)) {
      const file = path.join(values.out, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
      process.stdout.write(`${file}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ManifestError) && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    process.stderr.write(`package-manifests: ${(error as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
