import { describe, expect, it } from 'vitest';
import { DEFAULT_LISTEN, listenPlan } from '../../../main/core/serve/listen';
import { hasToken, wantsOpenMetrics } from '../../../main/core/serve/serve-http';
import { say } from '../../support/english';

describe('where serve listens', () => {
  it.each([
    [undefined, false, { ok: true, host: '127.0.0.1', port: 9464 }],
    ['127.0.0.1:0', false, { ok: true, host: '127.0.0.1', port: 0 }],
    ['localhost:9100', false, { ok: true, host: 'localhost', port: 9100 }],
    ['[::1]:9464', false, { ok: true, host: '::1', port: 9464 }],
    ['0.0.0.0:9464', true, { ok: true, host: '0.0.0.0', port: 9464 }],
    ['[::]:9464', true, { ok: true, host: '::', port: 9464 }],
    ['10.0.0.5:9464', true, { ok: true, host: '10.0.0.5', port: 9464 }],
  ])('%s (token: %s) listens', (listen, token, plan) => {
    expect(listenPlan(listen, token)).toEqual(plan);
  });

  it.each(['0.0.0.0:9464', '[::]:9464', '192.168.1.4:9464', 'metrics.example.com:9464'])(
    '%s without a token file is refused, saying why',
    (listen) => {
      const plan = listenPlan(listen, false);
      expect(plan.ok).toBe(false);
      if (!plan.ok) expect(say(plan.problem)).toMatch(/--token-file/);
    },
  );

  it.each(['9464', '127.0.0.1', '127.0.0.1:99999', '::1:9464', 'a b:1', '127.0.0.1:-1', ''])(
    '"%s" is not HOST:PORT',
    (listen) => {
      const plan = listenPlan(listen, true);
      expect(plan.ok).toBe(false);
      if (!plan.ok) expect(say(plan.problem)).toContain(DEFAULT_LISTEN);
    },
  );
});

describe('scrape requests', () => {
  const token = 'k7Qn2vX9mL4pR8sT';
  it.each([
    [`Bearer ${token}`, true],
    [`bearer ${token}`, true],
    [`Bearer ${token} `, true],
    [`Bearer ${token}x`, false],
    [`Bearer ${token.slice(0, -1)}`, false],
    [token, false],
    [`Basic ${token}`, false],
    ['', false],
    [undefined, false],
  ])('authorization %s → %s', (header, ok) => {
    expect(hasToken(header, token)).toBe(ok);
  });

  it.each([
    ['application/openmetrics-text; version=1.0.0,text/plain;version=0.0.4;q=0.5', true],
    ['text/plain', false],
    [undefined, false],
  ])('accept %s asks for OpenMetrics: %s', (accept, yes) => {
    expect(wantsOpenMetrics(accept)).toBe(yes);
  });
});
