/**
 * Providers that echo the key back: in an error body (where a cut could leave part of it), and in a successful
 * answer (a plan, a metric name, a breakdown key). No part of the key that would help anyone, an 8-character
 * prefix or suffix or more, may reach the cache, the CLI's output or its JSON.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from '../fakes/fake-server';
import { PRESET_STARTERS } from '../fakes/preset-fakes';
import { type FakeProvider, startGenerect, startHappenstance } from '../fakes/providers';
import { runBuiltCli } from '../support/run-built-cli';

const fakes: FakeProvider[] = [];
afterAll(async () => Promise.all(fakes.map((f) => f.close())));

/** Every piece of the key that must not show: its prefixes and suffixes of 8 characters or more. */
function keyPieces(key: string): string[] {
  const pieces: string[] = [];
  for (let n = 8; n <= key.length; n++) pieces.push(key.slice(0, n), key.slice(-n));
  return pieces;
}

function leaks(text: string, key: string): string[] {
  return keyPieces(key).filter((piece) => text.includes(piece));
}

function everyFile(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

async function workspace(fake: FakeProvider): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-echo-'));
  await writeFile(
    path.join(dataDir, 'config.json'),
    JSON.stringify({ version: 1, accounts: [fake.account('echo')] }),
  );
  return dataDir;
}

describe('a key echoed back by the provider', () => {
  it('in an error body, straddling where the message is cut: no prefix of it shows', async () => {
    const key = 'sk_live_ECHO_straddles_the_cut_0123456789';
    const hs = await startHappenstance(key);
    fakes.push(hs);
    const dataDir = await workspace(hs);
    // The key starts where a 200-character message would be cut.
    hs.server.fail({
      type: 'reply',
      reply: hs.errorReply(401, `${'x'.repeat(170)} key=${key} was rejected`),
    });
    const run = await runBuiltCli(['status', '--json', '--data-dir', dataDir], { CREDITBAR_KEY_ECHO: key });
    const account = JSON.parse(run.stdout).accounts[0];
    expect(account.error.kind).toBe('auth');
    expect(leaks(run.stdout + run.stderr, key)).toEqual([]);
    expect(leaks(everyFile(dataDir), key)).toEqual([]);
  });

  it('in a successful answer (plan, breakdown key): scrubbed everywhere, the balance still read', async () => {
    const key = 'gen_live_ECHO_in_success_bodies_98765';
    const gen = await startGenerect(key);
    fakes.push(gen);
    const dataDir = await workspace(gen);
    const me = fixture<{ data: Record<string, unknown> }>('generect', 'me.json');
    gen.server.fail(
      {
        type: 'reply',
        path: '/api/v1/accounts/me/',
        reply: { json: { data: { ...me.data, plan: `Pro for ${key}` } } },
      },
      {
        type: 'reply',
        path: '/api/v1/accounts/usage/',
        reply: { json: { data: { period: '2026-11', total_credits: 10, breakdown: { [key]: 10 } } } },
      },
    );
    const env = { CREDITBAR_KEY_ECHO: key };
    const json = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    expect(JSON.parse(json.stdout).accounts[0]).toMatchObject({ remaining: 5000, error: null });
    expect(leaks(json.stdout + json.stderr, key)).toEqual([]);
    expect(leaks(everyFile(dataDir), key)).toEqual([]);
    const table = await runBuiltCli(['status', '--data-dir', dataDir], env);
    expect(leaks(table.stdout + table.stderr, key)).toEqual([]);
  });

  it('a key sent in the URL (SerpApi): never in the cache, a message, the table, the JSON or the NDJSON', async () => {
    const serp = await PRESET_STARTERS.serpapi();
    fakes.push(serp);
    const dataDir = await workspace(serp);
    const env = { CREDITBAR_KEY_ECHO: serp.key };
    // SerpApi's documented answer carries the key itself (`api_key`); a plan name may too.
    const doc = fixture<Record<string, unknown>>('serpapi', 'account.json');
    serp.server.fail({
      type: 'reply',
      reply: { json: { ...doc, api_key: serp.key, plan_name: `Plan ${serp.key}` } },
    });
    const json = await runBuiltCli(['status', '--json', '--data-dir', dataDir], env);
    expect(JSON.parse(json.stdout).accounts[0]).toMatchObject({ remaining: 5958, error: null });
    expect(serp.server.requests.at(-1)?.query.get('api_key')).toBe(serp.key);
    // Failures that name where the request went: a refused redirect, an error body quoting the URL.
    serp.server.fail(
      { type: 'redirect', location: `http://localhost:1/account.json?api_key=${serp.key}` },
      { type: 'reply', reply: serp.errorReply(500, `GET /account.json?api_key=${serp.key} failed`) },
    );
    const table = await runBuiltCli(['status', '--data-dir', dataDir], env);
    const table2 = await runBuiltCli(['status', '--data-dir', dataDir], env);
    const watch = await runBuiltCli(['watch', '--for', '1', '--data-dir', dataDir], env);
    for (const run of [json, table, table2, watch])
      expect(leaks(run.stdout + run.stderr, serp.key)).toEqual([]);
    expect(table.stdout + table2.stdout).toMatch(/did not follow it/);
    expect(leaks(everyFile(dataDir), serp.key)).toEqual([]);
  });

  it('a custom URL that already holds a key is refused, so it is never written to the config', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-echo-'));
    const run = await runBuiltCli(
      [
        'accounts',
        'add',
        '--provider',
        'custom',
        '--id',
        'leaky',
        '--url',
        'https://api.example.com/account?api_key=sk_live_in_the_url_123456',
        '--remaining',
        'balance',
        '--data-dir',
        dataDir,
      ],
      {},
      'sk_live_in_the_url_123456\n',
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/carries a key in its query \(api_key=…\)/);
    expect(run.stderr).not.toContain('sk_live_in_the_url');
    expect(readdirSync(dataDir)).not.toContain('config.json');
  });
});
