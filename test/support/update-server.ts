/**
 * A release's download host on loopback, as electron-updater's generic provider reads it (electron.build/auto-update):
 * the channel file (latest-linux.yml) and the artifacts it names, served as plain files. The channel file is written
 * by electron-builder's own code (app-builder-lib's writeUpdateInfoFiles, with the sha512 from its hashFile), so what
 * the updater parses is what a release really carries.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { writeUpdateInfoFiles } from 'app-builder-lib/out/publish/updateInfoBuilder';
import { hashFile } from 'app-builder-lib/out/util/hash';
import { serializeToYaml } from 'builder-util';

/** How the host answers a release. */
export type ReleaseMode =
  /** latest-linux.yml and the AppImage it names, as published. */
  | 'good'
  /** latest-linux.yml names a sha512 that is not the AppImage's: a tampered or corrupted upload. */
  | 'corrupt'
  /** No latest-linux.yml at all (a release without Linux builds, or the wrong URL). */
  | 'missing'
  /** The channel file is there; the AppImage it names is not. */
  | 'artifact-missing'
  /**
   * The AppImage trickles out over about two seconds: electron-updater reports progress once a second
   * (builder-util-runtime's ProgressCallbackTransform), so a shorter download shows none partway.
   */
  | 'slow';

/**
 * A stand-in AppImage: a shell script that writes down how it was started (electron-updater runs the new one with
 * APPIMAGE_SILENT_INSTALL, and with APPIMAGE_EXIT_AFTER_INSTALL when it installs on quit), padded to a size whose
 * download shows progress.
 */
export function fakeAppImage(version: string, marker: string): Buffer {
  const script = [
    '#!/bin/sh',
    `echo "started ${version} silent=$APPIMAGE_SILENT_INSTALL exit-after=$APPIMAGE_EXIT_AFTER_INSTALL" >> '${marker}'`,
    'exit 0',
    '',
  ].join('\n');
  return Buffer.concat([Buffer.from(script), Buffer.from(`#${'x'.repeat(512 * 1024)}\n`)]);
}

export class UpdateServer {
  /** Every path asked for, in order. */
  readonly requests: string[] = [];
  mode: ReleaseMode = 'good';
  private files = new Map<string, Buffer>();

  private constructor(
    private readonly server: Server,
    private readonly dir: string,
  ) {}

  static async start(dir: string): Promise<UpdateServer> {
    mkdirSync(dir, { recursive: true });
    let self: UpdateServer | null = null;
    const server = createServer((req, res) => self?.answer(req.url ?? '/', res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new UpdateServer(server, dir);
    return self;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** app-update.yml as electron-builder writes it into a packaged app's resources for a generic provider. */
  appUpdateYml(): string {
    return serializeToYaml({ provider: 'generic', url: this.url, updaterCacheDirName: 'creditbar-updater' });
  }

  /** Publishes a version: its AppImage, and latest-linux.yml made by electron-builder's own writer. */
  async publish(version: string, marker: string): Promise<{ artifact: string; sha512: string }> {
    const name = `Creditbar-${version}.AppImage`;
    const artifact = path.join(this.dir, name);
    writeFileSync(artifact, fakeAppImage(version, marker));
    chmodSync(artifact, 0o755);
    const sha512 = await hashFile(artifact);
    const channelFile = path.join(this.dir, 'latest-linux.yml');
    const info = {
      version,
      files: [{ url: name, sha512, size: readFileSync(artifact).length }],
      path: name,
      sha512,
    };
    await writeUpdateInfoFiles(
      [
        {
          file: channelFile,
          info,
          publishConfiguration: { provider: 'generic', url: this.url },
          packager: null,
          arch: null,
        },
      ] as never,
      { emitArtifactCreated: async () => undefined } as never,
    );
    this.files = new Map([
      ['/latest-linux.yml', readFileSync(channelFile)],
      [`/${name}`, readFileSync(artifact)],
    ]);
    return { artifact, sha512 };
  }

  /** The channel file as published, for a test to read. */
  channelFile(): string {
    return String(this.files.get('/latest-linux.yml') ?? '');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(url: string, res: import('node:http').ServerResponse): void {
    const pathname = new URL(url, 'http://x').pathname;
    this.requests.push(pathname);
    let body = this.files.get(pathname);
    const isChannel = pathname === '/latest-linux.yml';
    if (!body || (this.mode === 'missing' && isChannel) || (this.mode === 'artifact-missing' && !isChannel)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    if (this.mode === 'corrupt' && isChannel) {
      // Another file's hash in place of this one's: what a swapped upload looks like to the updater.
      body = Buffer.from(String(body).replaceAll(/sha512: \S+/g, `sha512: ${'A'.repeat(86)}==`));
    }
    if (this.mode === 'slow' && !isChannel) {
      res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
      const pieces = 20;
      const size = Math.ceil(body.length / pieces);
      let sent = 0;
      const drip = () => {
        if (res.destroyed) return;
        res.write(body.subarray(sent, sent + size));
        sent += size;
        if (sent >= body.length) res.end();
        else setTimeout(drip, 100);
      };
      drip();
      return;
    }
    res
      .writeHead(200, {
        'content-length': body.length,
        'content-type': isChannel ? 'text/yaml' : 'application/octet-stream',
      })
      .end(body);
  }
}
