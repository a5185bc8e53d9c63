import { describe, expect, it } from 'vitest';
import { LatestResults } from '../../../main/core/monitor/latest-results';
import type { Account } from '../../../shared/config';
import type { Snapshot } from '../../../shared/model';
import { asIs } from '../../support/said';

const AT = new Date('2026-11-22T12:00:00Z');
const snapshot = (remaining: number): Snapshot => ({
  remaining,
  unit: 'credits',
  quotas: [],
  usedThisPeriod: null,
  usage: [],
  fetchedAt: AT.toISOString(),
  extras: {},
});
const hs: Account = { id: 'hs', provider: 'happenstance', label: 'HS', baseUrl: 'http://127.0.0.1:1' };
const moved: Account = { ...hs, baseUrl: 'http://127.0.0.1:2' };
const fresh = (account: Account, remaining: number) => ({
  account,
  snapshot: snapshot(remaining),
  stale: false,
  error: null,
});

describe('the last result of each account', () => {
  it('a cached value shows stale until the first poll, and never over a polled one', () => {
    const results = new LatestResults();
    results.setAccounts([hs]);
    expect(results.unseeded('hs')).toBe(true);
    results.seed('hs', snapshot(900));
    expect(results.get('hs')?.result).toMatchObject({ stale: true, snapshot: { remaining: 900 } });
    expect(results.unseeded('hs')).toBe(false);
    results.record(fresh(hs, 1840), null, AT);
    results.seed('hs', snapshot(1));
    expect(results.get('hs')?.result).toMatchObject({ stale: false, snapshot: { remaining: 1840 } });
  });

  it('a change of label keeps the value, counts and sparkline; a change of host drops them all at once', () => {
    const results = new LatestResults();
    results.setAccounts([hs]);
    results.record(fresh(hs, 1840), null, AT, [{ t: 1, remaining: 1840, maxPercent: null }]);
    results.setAccounts([{ ...hs, label: 'Renamed' }]);
    expect(results.get('hs')).toMatchObject({ requests: 1, account: { label: 'Renamed' } });
    expect(results.get('hs')?.result.snapshot?.remaining).toBe(1840);
    expect(results.get('hs')?.sparkline).toHaveLength(1);

    results.setAccounts([moved]);
    expect(results.get('hs')).toMatchObject({ requests: 0, at: null, forecast: null });
    expect(results.get('hs')?.result.snapshot).toBeNull();
    expect(results.get('hs')?.sparkline).toBeUndefined();
  });

  it('a poll of the old host that lands after the change is dropped; one of a removed account too', () => {
    const results = new LatestResults();
    results.setAccounts([moved]);
    expect(results.record(fresh(hs, 1840), null, AT)).toBe(false);
    expect(results.get('hs')?.result.snapshot).toBeNull();
    results.setAccounts([]);
    expect(results.record(fresh(moved, 5), null, AT)).toBe(false);
    expect(results.list()).toEqual([]);
  });

  it('a failed poll keeps the last forecast and counts its kind; a missing key is no request', () => {
    const results = new LatestResults();
    results.setAccounts([hs]);
    const forecast = { burnPerDay: 10, daysLeft: 5, emptyAt: null, quotaPercentAtEnd: null };
    results.record(fresh(hs, 50), forecast, AT);
    results.record(
      { ...fresh(hs, 50), stale: true, error: { kind: 'network', message: asIs('down') } },
      null,
      AT,
    );
    results.record(
      { account: hs, snapshot: null, stale: false, error: { kind: 'no_credentials', message: asIs('x') } },
      null,
      AT,
    );
    const entry = results.get('hs');
    expect(entry?.forecast).toEqual(forecast);
    expect(entry?.requests).toBe(2);
    expect([...(entry?.errors ?? [])]).toEqual([
      ['network', 1],
      ['no_credentials', 1],
    ]);
  });
});
