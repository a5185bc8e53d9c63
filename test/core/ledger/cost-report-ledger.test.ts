import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RefreshDeps, refreshAccount } from '../../../main/core/monitor/refresh-account';
import { createHttpClient } from '../../../main/core/providers/http';
import { createSnapshotCache } from '../../../main/core/store/cache';
import { LedgerStore } from '../../../main/core/store/ledger-store';
import { startAnthropic } from '../../../providers/anthropic/fake';
import { startOpenAi } from '../../../providers/openai/fake';
import type { CostReportFake } from '../../fakes/cost-report-fake';
import { spoken } from '../../support/said';

const VENDORS = [
  { name: 'openai', start: startOpenAi, path: '/v1/organization/costs', pageDays: 180 },
  { name: 'anthropic', start: startAnthropic, path: '/v1/organizations/cost_report', pageDays: 31 },
] as const;

/** The first day a request asked for, as each vendor names it. */
function askedFrom(fake: CostReportFake, index: number): string {
  const request = fake.server.requests.filter((r) => r.query.get('page') === null)[index];
  const start = request?.query.get('start_time');
  return start
    ? new Date(Number(start) * 1000).toISOString().slice(0, 10)
    : (request?.query.get('starting_at') ?? '').slice(0, 10);
}

describe.each(VENDORS)('$name: an estimated balance from the cost report and the ledger', (vendor) => {
  let fake: CostReportFake;
  let ledger: LedgerStore;
  let deps: RefreshDeps;

  beforeEach(async () => {
    fake = await vendor.start();
    fake.setNow(new Date('2026-11-22T12:00:00Z'));
    const dir = await mkdtemp(path.join(tmpdir(), 'creditbar-ledger-'));
    ledger = new LedgerStore(path.join(dir, 'ledger.json'));
    deps = {
      http: createHttpClient(),
      secrets: async () => fake.key,
      cache: createSnapshotCache(path.join(dir, 'cache')),
      now: () => fake.now,
      ledger,
    };
  });
  afterEach(() => fake.close());

  const costsFrom = (from: string) =>
    [...fake.costs.entries()].filter(([day]) => day >= from).reduce((t, [, c]) => t + Number(c), 0);

  it('before a balance is stated: spend today and this month, no balance made up', async () => {
    const result = await refreshAccount(fake.account(), deps);
    expect(result.error).toBeNull();
    expect(result.snapshot?.remaining).toBeNull();
    expect(result.snapshot?.extras.ledger).toMatchObject({
      statedAt: null,
      spentToday: Number(fake.costs.get('2026-11-22')),
    });
  });

  it('stated at a midnight: the stated balance less every cost since, then late costs replace the last days', async () => {
    await ledger.add(fake.account().id, {
      kind: 'balance',
      amount: '100',
      at: '2026-11-10T00:00:00Z',
      recordedAt: '2026-11-10T00:00:00Z',
    });
    const first = await refreshAccount(fake.account(), deps);
    expect(first.snapshot?.remaining).toBeCloseTo(100 - costsFrom('2026-11-10'), 9);
    expect(first.snapshot?.extras.ledger).toMatchObject({ statedAt: '2026-11-10T00:00:00Z', restate: null });
    expect(askedFrom(fake, 0)).toBe('2026-11-01');

    // Yesterday's costs land late; the next poll reads the last three days again and replaces them.
    fake.costs.set('2026-11-21', '9.75');
    const second = await refreshAccount(fake.account(), deps);
    expect(askedFrom(fake, 1)).toBe('2026-11-20');
    expect(second.snapshot?.remaining).toBeCloseTo(100 - costsFrom('2026-11-10'), 9);
    expect(second.snapshot?.extras.costDays?.[0]?.day).toBe('2026-11-01');
  });

  it('a balance stated long ago is read over every page the vendor sends', async () => {
    await ledger.add(fake.account().id, {
      kind: 'balance',
      amount: '900',
      at: '2026-01-05T00:00:00Z',
      recordedAt: '2026-01-05T00:00:00Z',
    });
    const result = await refreshAccount(fake.account(), deps);
    expect(result.error).toBeNull();
    const days = result.snapshot?.extras.costDays ?? [];
    expect(days[0]?.day).toBe('2026-01-05');
    expect(days.at(-1)?.day).toBe('2026-11-22');
    const pages = fake.server.requests.filter((r) => r.path === vendor.path);
    expect(pages.length).toBe(Math.ceil(days.length / vendor.pageDays));
    expect(result.snapshot?.extras.ledger?.restate).toBe('old');
  });

  it('a key that is not an Admin key is forbidden, and says where an Admin key is made', async () => {
    const result = await refreshAccount(fake.account(), { ...deps, secrets: async () => 'sk-proj-0000' });
    expect(result.error?.kind).toBe('forbidden');
    expect(spoken(result.error?.message)).toMatch(
      /needs an Admin key.*Create one at platform\.(openai|claude)\.com/,
    );
    expect(JSON.stringify(result)).not.toContain('sk-proj-0000');
  });

  it('a stated balance changes the estimate from the costs known, even while the vendor is unreachable', async () => {
    await refreshAccount(fake.account(), deps);
    await ledger.add(fake.account().id, {
      kind: 'balance',
      amount: '50',
      at: '2026-11-20T00:00:00Z',
      recordedAt: '2026-11-22T12:00:00Z',
    });
    fake.server.fail({ type: 'reply', reply: fake.errorReply(503, 'down') });
    const result = await refreshAccount(fake.account(), deps);
    expect(result.error?.kind).toBe('server');
    expect(result.snapshot?.remaining).toBeCloseTo(50 - costsFrom('2026-11-20'), 9);
  });

  it('a ledger file that does not validate is the account problem, and the file is left as it was', async () => {
    const { writeFile, readFile } = await import('node:fs/promises');
    await writeFile(ledger.file, '{"version":1,"accounts":{"x":[{"kind":"balance"}]}}');
    const result = await refreshAccount(fake.account(), deps);
    expect(result.error?.kind).toBe('config');
    expect(spoken(result.error?.message)).toContain('ledger.json has problems');
    expect(await readFile(ledger.file, 'utf8')).toBe('{"version":1,"accounts":{"x":[{"kind":"balance"}]}}');
  });
});
