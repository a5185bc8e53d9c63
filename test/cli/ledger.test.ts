import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAnthropic } from '../../providers/anthropic/fake';
import { startHappenstance } from '../../providers/happenstance/fake';
import type { LedgerEntry } from '../../shared/ledger';
import { PrintedStatus } from '../../shared/model';
import type { CostReportFake } from '../fakes/cost-report-fake';
import type { FakeProvider } from '../fakes/providers';
import { runBuiltCli } from '../support/run-built-cli';

let fake: CostReportFake;
let prepaid: FakeProvider;
let env: Record<string, string>;
let dataDir: string;

const today = () => new Date().toISOString().slice(0, 10);
const cli = (...args: string[]) => runBuiltCli(args, env);
const estimateOf = async () => {
  const run = await cli('status', '--json');
  return z.object({ accounts: z.array(PrintedStatus) }).parse(JSON.parse(run.stdout)).accounts[0];
};

beforeAll(async () => {
  fake = await startAnthropic();
  prepaid = await startHappenstance();
  dataDir = await mkdtemp(path.join(tmpdir(), 'creditbar-ledger-cli-'));
  await writeFile(
    path.join(dataDir, 'config.json'),
    JSON.stringify({
      version: 2,
      accounts: [{ ...fake.account('claude'), label: 'Claude API' }, prepaid.account('hs')],
    }),
  );
  env = { CREDITBAR_DATA_DIR: dataDir, CREDITBAR_KEY_CLAUDE: fake.key, CREDITBAR_KEY_HS: prepaid.key };
});
afterAll(async () => {
  await fake.close();
  await prepaid.close();
});

describe('the ledger from the CLI: set-balance, top-up, ledger', () => {
  it('before a balance is stated: the spend, and how to state it', async () => {
    const run = await cli('status');
    expect(run.stdout).toMatch(
      /claude\s+Claude API\s+anthropic\s+no levels yet\s+\$[\d.]+ spent this period/,
    );
    expect(run.stdout).toContain(
      'To estimate what Claude API has left: creditbar accounts set-balance claude AMOUNT',
    );
  });

  it('a balance stated now counts only the costs after it; a top-up adds; late costs subtract', async () => {
    const stated = await cli('accounts', 'set-balance', 'claude', '100');
    expect(stated.code).toBe(0);
    expect(stated.stdout).toMatch(/^Balance of Claude API \(claude\) stated: \$100\.00 at /);
    // Today's costs so far were already out of the balance the console showed.
    expect(stated.stdout).toContain('Estimated balance now: ≈ $100.00');

    const topUp = await cli('accounts', 'top-up', 'claude', '25');
    expect(topUp.stdout).toContain('Top-up of $25.00 recorded for Claude API (claude)');
    expect(topUp.stdout).toContain('Estimated balance now: ≈ $125.00');

    fake.costs.set(today(), Number(fake.costs.get(today()) ?? 0) + 2.5);
    const status = await cli('status');
    expect(status.stdout).toMatch(/claude\s+Claude API\s+anthropic\s+no levels yet\s+≈ \$122\.50\s/);
    const json = await estimateOf();
    expect(json).toMatchObject({ remaining: 122.5, estimated: true, unit: 'USD' });
    expect(Date.parse(json?.ledger?.statedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lists the entries, and a mistyped one is removed', async () => {
    const listed = JSON.parse((await cli('accounts', 'ledger', 'claude', '--json')).stdout) as {
      entries: LedgerEntry[];
      estimate: { balance: number; estimated: boolean };
    };
    expect(listed.entries.map((e) => [e.kind, e.amount])).toEqual([
      ['balance', '100'],
      ['top-up', '25'],
    ]);
    expect(listed.estimate).toMatchObject({ balance: 122.5, estimated: true });
    const table = await cli('accounts', 'ledger', 'claude');
    expect(table.stdout).toMatch(/^ENTRY\s+KIND\s+AMOUNT\s+AT\n/);
    expect(table.stdout).toMatch(/balance stated\s+\$100\.00/);
    const topUp = listed.entries.find((e) => e.kind === 'top-up') as LedgerEntry;
    const removed = await cli('accounts', 'ledger', 'claude', '--remove', topUp.id);
    expect(removed.stdout).toContain(`Entry ${topUp.id} (top-up, $25.00) removed from Claude API.`);
    expect(removed.stdout).toContain('Estimated balance now: ≈ $97.50');
  });

  it('bad input is refused, naming it, and the ledger is left as it was', async () => {
    const file = path.join(dataDir, 'ledger.json');
    const before = readFileSync(file, 'utf8');
    const cases: [string[], RegExp][] = [
      [['set-balance', 'claude', '12,5'], /"12,5" is not an amount: write it as 87\.66/],
      [['top-up', 'claude', '0'], /A top-up must be more than zero/],
      [['set-balance', 'claude', '10', '--at', 'yesterday'], /"yesterday" is not a moment/],
      [['set-balance', 'claude', '10', '--at', '2099-01-01'], /2099-01-01 is still to come/],
      [['set-balance', 'hs', '10'], /Happenstance.*reports its balance itself/],
      [['set-balance', 'nobody', '10'], /^No account "nobody" in .*config\.json/],
      [
        ['set-balance', 'claude'],
        /^Usage: creditbar accounts set-balance ID AMOUNT \[--at TIME\]\nSee: creditbar accounts --help\n$/,
      ],
      [['ledger'], /^Usage: creditbar accounts ledger ID/],
      [['ledger', 'claude', '--remove', 'ffffffff'], /claude has no ledger entry ffffffff/],
    ];
    for (const [args, said] of cases) {
      const run = await cli('accounts', ...args);
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(said);
      expect(run.stdout).toBe('');
    }
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('speaks the terminal’s language', async () => {
    const run = await runBuiltCli(['accounts', 'top-up', 'claude', '5', '--at', today()], {
      ...env,
      LANG: 'de_DE.UTF-8',
    });
    expect(run.stdout).toMatch(/^Aufladung von 5,00\s\$ für Claude API \(claude\) am /);
    // Bought at midnight, before the balance was read this morning: already in it, so the estimate stays.
    expect(run.stdout).toMatch(/Geschätztes Guthaben jetzt: ≈ 97,50\s\$/);
  });
});
