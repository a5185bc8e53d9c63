import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DigestTransform, HttpError, newError } from 'builder-util-runtime';
import { describe, expect, it } from 'vitest';
import { asUpdaterError, updateFailure } from '../../../main/core/updates/update-failure';

/** The error builder-util-runtime raises when a download's sha512 is not the one latest.yml published. */
async function realMismatch(): Promise<Error> {
  const digest = new DigestTransform('not-the-sha512-of-this');
  try {
    await pipeline(Readable.from([Buffer.from('tampered bytes')]), digest, async function* (source) {
      for await (const _ of source) yield* [];
    });
  } catch (error) {
    return error as Error;
  }
  throw new Error('the digest accepted a wrong sha512');
}

describe('what an updater error means', () => {
  it('a sha512 mismatch is a refused, tampered download', async () => {
    const error = await realMismatch();
    expect(error.message).toMatch(/sha512 checksum mismatch/);
    expect(updateFailure(asUpdaterError(error))).toBe('tampered');
    expect(updateFailure(asUpdaterError(newError('bad signature', 'ERR_UPDATER_INVALID_SIGNATURE')))).toBe(
      'tampered',
    );
  });

  it('a missing latest.yml or file is "not found"; any other HTTP error is the server', () => {
    expect(
      updateFailure(
        asUpdaterError(
          newError('Cannot find channel "latest-linux.yml"', 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND'),
        ),
      ),
    ).toBe('not-found');
    expect(updateFailure(asUpdaterError(new HttpError(404)))).toBe('not-found');
    // A download's failure carries its status only in its words (builder-util-runtime's doDownload).
    expect(
      updateFailure({
        message: 'Cannot download "http://127.0.0.1:1/Creditbar-1.2.0.AppImage", status 404: Not Found',
      }),
    ).toBe('not-found');
    expect(updateFailure(asUpdaterError(new HttpError(503)))).toBe('server');
    expect(
      updateFailure({ message: 'Cannot download "https://x/y", status 500: Internal Server Error' }),
    ).toBe('server');
  });

  it("Electron's net errors: offline, or a server that stopped answering", () => {
    expect(updateFailure({ message: 'net::ERR_INTERNET_DISCONNECTED' })).toBe('offline');
    expect(updateFailure({ message: 'net::ERR_NAME_NOT_RESOLVED' })).toBe('offline');
    expect(updateFailure({ message: 'connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED' })).toBe(
      'offline',
    );
    expect(updateFailure({ message: 'net::ERR_CONNECTION_RESET' })).toBe('stalled');
    expect(updateFailure({ message: 'Request has been aborted by the server' })).toBe('stalled');
  });

  it("macOS's refusal of an unsigned app, a full disk, and anything else", () => {
    expect(updateFailure({ message: 'Could not get code signature for running application' })).toBe(
      'unsigned',
    );
    expect(updateFailure({ message: 'ENOSPC: no space left on device, write', code: 'ENOSPC' })).toBe('disk');
    expect(updateFailure(asUpdaterError('a string thrown'))).toBe('other');
  });
});
