import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../main/core/errors';
import { ConfigStore } from '../../../main/core/store/config-store';
import { say } from '../../support/english';

const V1 = {
  version: 1,
  accounts: [
    {
      id: 'mine',
      provider: 'custom',
      label: 'Mine',
      custom: {
        url: 'https://api.example.com/me',
        remainingPointer: '/account/credits/left',
        limitPointer: '/account/credits/monthly',
        unit: 'tokens',
      },
    },
  ],
};

async function fileWith(config: unknown): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'creditbar-migrate-')), 'config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

describe('config version 1 to 2', () => {
  it('reads version 1 pointers as expressions, and the next change writes version 2', async () => {
    const file = await fileWith(V1);
    const store = await ConfigStore.open(file);
    expect(store.accounts[0]?.custom).toMatchObject({
      remaining: '$number(account.credits.left)',
      limit: '$number(account.credits.monthly)',
      unit: 'tokens',
    });
    // Read only: the file stays as the person left it until something changes.
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
    await store.patchSettings({ numberFormat: 'compact' });
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.version).toBe(2);
    expect(written.accounts[0].custom.remainingPointer).toBeUndefined();
    expect(written.accounts[0].custom.remaining).toBe('$number(account.credits.left)');
  });

  it('a version 1 pointer that is not one is refused naming its field, and the file is left as it was', async () => {
    const bad = structuredClone(V1);
    (bad.accounts[0]?.custom as Record<string, unknown>).remainingPointer = 'account.credits.left';
    const file = await fileWith(bad);
    const before = readFileSync(file, 'utf8');
    const refused = await ConfigStore.open(file).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect(say((refused as ConfigError).said)).toMatch(
      /accounts\.0\.custom\.remainingPointer: must be a JSON pointer/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('a version 2 file with a pointer is refused: version 2 has none', async () => {
    const file = await fileWith({ ...V1, version: 2 });
    const refused = await ConfigStore.open(file).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ConfigError);
    expect(say((refused as ConfigError).said)).toMatch(/Unrecognized keys?: "remainingPointer"/);
  });
});
