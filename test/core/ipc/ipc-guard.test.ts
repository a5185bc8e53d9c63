import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../main/core/errors';
import { guardInvoke, type SenderInfo } from '../../../main/core/ipc/ipc-guard';
import { INVOKE, methodName } from '../../../shared/ipc';
import { message } from '../../../shared/message';
import { say } from '../../support/english';

const APP = 'file:///opt/Creditbar/resources/app.asar/out/renderer/index.html';
const good: SenderInfo = { fromAppWindow: true, isTopFrame: true, url: `${APP}#/` };

describe('IPC guard', () => {
  const calls: unknown[] = [];
  const snooze = guardInvoke(
    'alerts:snooze',
    async (request) => {
      calls.push(request);
      return null;
    },
    APP,
  );

  it('passes a valid message from the app’s top frame', async () => {
    expect(await snooze(good, { accountId: 'research', until: null })).toEqual({ ok: true, value: null });
    expect(calls).toEqual([{ accountId: 'research', until: null }]);
  });

  it.each([
    ['a window the app does not own', { ...good, fromAppWindow: false }, 'not an app window'],
    ['a sub-frame', { ...good, isTopFrame: false }, 'not the top frame'],
    ['a window that navigated away', { ...good, url: 'https://evil.example/' }, 'not the app page'],
  ])('refuses %s', async (_name, sender, reason) => {
    const before = calls.length;
    const refused = await snooze(sender, { accountId: 'research', until: null });
    expect(
      refused.ok ? refused : { ...refused, error: { ...refused.error, message: say(refused.error.message) } },
    ).toEqual({
      ok: false,
      error: { kind: 'invalid_request', message: `Refused: ${reason}` },
    });
    expect(calls).toHaveLength(before);
  });

  it.each([
    ['an extra field', { accountId: 'research', until: null, admin: true }, /Unrecognized key/],
    ['a wrong type', { accountId: 'research', until: 5 }, /until/],
    ['a bad account id', { accountId: '../etc', until: null }, /accountId/],
    ['no payload', undefined, /expected object/],
    [
      'a __proto__ key',
      JSON.parse('{"accountId":"a","until":null,"__proto__":{"x":1}}'),
      /Unrecognized key|__proto__/,
    ],
  ])('refuses %s with a clear message and runs nothing', async (_name, payload, message) => {
    const before = calls.length;
    const result = await snooze(good, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(say(result.error.message)).toMatch(message);
    expect(calls).toHaveLength(before);
  });

  it('turns a classified failure into an error result, and anything else into a generic one', async () => {
    const failing = guardInvoke(
      'accounts:refresh',
      async () => {
        throw new AppFailure('keychain_unavailable', message('keychain.unknown'));
      },
      APP,
    );
    expect(await failing(good, {})).toEqual({
      ok: false,
      error: { kind: 'keychain_unavailable', message: message('keychain.unknown') },
    });
    const crashing = guardInvoke(
      'accounts:refresh',
      async () => {
        throw new Error('secret detail with key sk_123');
      },
      APP,
    );
    expect(await crashing(good, {})).toEqual({
      ok: false,
      error: { kind: 'bad_response', message: message('ipc.internal') },
    });
  });

  it('checks answers too: a handler cannot leak a field the contract lacks', async () => {
    const leaky = guardInvoke(
      'accounts:test',
      async () =>
        ({
          remaining: 1,
          unit: 'x',
          quotas: 0,
          usedThisPeriod: null,
          readings: [],
          shape: null,
          problem: null,
          key: 'sk_live',
        }) as never,
      APP,
    );
    const result = await leaky(good, { account: { id: 'a', provider: 'happenstance', label: 'A' } });
    expect(result).toEqual({
      ok: true,
      value: {
        remaining: 1,
        unit: 'x',
        quotas: 0,
        usedThisPeriod: null,
        readings: [],
        shape: null,
        problem: null,
      },
    });
  });

  it('external links must be https', async () => {
    const open = guardInvoke('external:open', async () => null, APP);
    expect((await open(good, { url: 'javascript:alert(1)' })).ok).toBe(false);
    expect((await open(good, { url: 'http://example.com' })).ok).toBe(false);
    expect((await open(good, { url: 'https://api.happenstance.ai/docs' })).ok).toBe(true);
  });

  it('every channel has a camel-case method name on window.creditbar', () => {
    expect(Object.keys(INVOKE).map((c) => methodName(c as keyof typeof INVOKE))).toEqual([
      'stateGet',
      'accountsRefresh',
      'accountsTest',
      'accountsAdd',
      'accountsUpdate',
      'accountsRemove',
      'alertsSetThresholds',
      'alertsSnooze',
      'settingsSet',
      'historyGet',
      'historyExport',
      'historyExportPng',
      'i18nGet',
      'ledgerGet',
      'ledgerRecord',
      'ledgerRemove',
      'channelsList',
      'channelsAdd',
      'channelsUpdate',
      'channelsTest',
      'channelsRemove',
      'updatesCheck',
      'updatesInstall',
      'externalOpen',
      'popoverReady',
      'popoverHide',
      'popoverFit',
    ]);
  });

  const NOW_ISO = '2026-12-06T10:00:00.000Z';
  it('a ledger entry from the page: its kind, an amount as text, a moment with an offset, nothing else', async () => {
    const entry = {
      id: '0a1b2c3d',
      kind: 'balance',
      amount: '87.66',
      at: NOW_ISO,
      recordedAt: NOW_ISO,
    } as const;
    const record = guardInvoke('ledger:record', async () => ({ entry, note: null }), APP);
    const base = { accountId: 'openai', kind: 'balance', amount: '87.66' };
    expect((await record(good, base)).ok).toBe(true);
    expect((await record(good, { ...base, at: '2026-12-06T10:00:00Z' })).ok).toBe(true);
    for (const bad of [
      { ...base, kind: 'refund' },
      { ...base, amount: 87.66 },
      { ...base, at: 'yesterday' },
      { ...base, key: 'sk-admin-x' },
      { ...base, accountId: '../x' },
    ])
      expect((await record(good, bad)).ok).toBe(false);
  });

  it('a content height must be a whole number of pixels in range', async () => {
    const fitTo = guardInvoke('popover:fit', async () => null, APP);
    expect((await fitTo(good, { height: 312 })).ok).toBe(true);
    for (const height of [-1, 12.5, 1e9, '312', null]) expect((await fitTo(good, { height })).ok).toBe(false);
  });
});
