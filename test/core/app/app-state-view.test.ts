import { describe, expect, it } from 'vitest';
import { type AccountEntry, toAppState } from '../../../main/core/app/app-state-view';
import type { Account } from '../../../shared/config';
import { asIs } from '../../support/said';

const base = {
  settings: {},
  keyHints: new Map<string, string | null>(),
  snoozedUntil: () => null,
  paused: false,
  launchAtLogin: false,
  launchAtLoginAvailable: true,
  updates: {
    version: '0.1.0',
    source: { kind: 'self-updating' as const, format: 'appimage' as const },
    status: { kind: 'idle' as const },
  },
  now: new Date('2026-11-22T12:00:00Z'),
};
const research: Account = { id: 'research', provider: 'happenstance', label: 'Research', pollSeconds: 120 };
const demo: Account = { id: 'demo', provider: 'demo', label: 'Demo' };

describe('toAppState', () => {
  it('an account never polled: no data, unknown, its config for the edit form', () => {
    const state = toAppState({ ...base, accounts: [research], entries: new Map() });
    expect(state.accounts[0]).toMatchObject({
      id: 'research',
      level: 'unknown',
      remaining: null,
      hasKey: true,
      config: research,
      checkedAt: null,
    });
  });

  it('carries the sparkline and the next check main knows, and leaves them out when there are none', () => {
    const sparkline = [{ t: 1, remaining: 5, maxPercent: null }];
    const entry: AccountEntry = {
      result: { account: research, snapshot: null, stale: false, error: null },
      forecast: null,
      at: null,
      sparkline,
    };
    const next = { at: '2026-11-22T14:20:00.000Z', why: 'steady' as const };
    const state = toAppState({
      ...base,
      accounts: [research],
      entries: new Map([['research', entry]]),
      nextCheck: () => next,
    });
    expect(state.accounts[0]).toMatchObject({ sparkline, nextCheck: next });
    const bare = toAppState({ ...base, accounts: [research], entries: new Map() }).accounts[0];
    expect(bare && 'sparkline' in bare).toBe(false);
    expect(bare && 'nextCheck' in bare).toBe(false);
  });

  it('a provider without a credential has no key; default levels from settings apply', () => {
    const entry: AccountEntry = {
      result: { account: demo, snapshot: null, stale: false, error: null },
      forecast: null,
      at: null,
    };
    const state = toAppState({
      ...base,
      accounts: [demo],
      settings: { defaultAlerts: { warnBelow: 10 } },
      entries: new Map([['demo', entry]]),
    });
    expect(state.accounts[0]?.hasKey).toBe(false);
    expect(state.settings).toEqual({ defaultAlerts: { warnBelow: 10 } });
  });

  it('rate-limited: when it may be asked again, from the poll time and Retry-After', () => {
    const entry: AccountEntry = {
      result: {
        account: research,
        snapshot: null,
        stale: false,
        error: { kind: 'rate_limited', message: asIs('Rate-limited (429)'), retryAfterSeconds: 90 },
      },
      forecast: null,
      at: '2026-11-22T12:00:00.000Z',
    };
    const state = toAppState({ ...base, accounts: [research], entries: new Map([['research', entry]]) });
    expect(state.accounts[0]?.retryAt).toBe('2026-11-22T12:01:30.000Z');
  });

  it('a rejected key stops polling and says why; the key hint is the last four only', () => {
    const entry: AccountEntry = {
      result: {
        account: research,
        snapshot: null,
        stale: false,
        error: { kind: 'auth', message: asIs('rejected') },
      },
      forecast: null,
      at: '2026-11-22T12:00:00.000Z',
    };
    const state = toAppState({
      ...base,
      accounts: [research],
      entries: new Map([['research', entry]]),
      keyHints: new Map([['research', '…4321']]),
    });
    expect(state.accounts[0]).toMatchObject({ stopped: 'auth', keyHint: '…4321' });
  });
});
