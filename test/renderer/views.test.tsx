// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountDetail } from '../../renderer/src/components/AccountDetail';
import { AccountForm } from '../../renderer/src/components/AccountForm';
import { EmptyState } from '../../renderer/src/components/EmptyState';
import { Overview } from '../../renderer/src/components/Overview';
import { Settings } from '../../renderer/src/components/Settings';
import { CustomEndpoint } from '../../shared/config';
import { asIs } from '../support/said';
import { account, appState, installBridge } from './fixed-bridge';
import { render } from './render';

const NOW = Date.parse('2026-11-22T12:10:00Z');
afterEach(cleanup);

const noop = () => undefined;

describe('Overview', () => {
  const accounts = [
    account({
      id: 'ok',
      label: 'Fine one',
      remaining: 9000,
      forecast: { burnPerDay: 340, daysLeft: 12.2, emptyAt: null, quotaPercentAtEnd: null },
    }),
    account({
      id: 'stale',
      label: 'Offline one',
      level: 'warning',
      stale: true,
      remaining: 450,
      fetchedAt: '2026-11-22T12:03:00.000Z',
      error: { kind: 'network', message: asIs('Could not reach') },
    }),
    account({
      id: 'limited',
      label: 'Busy one',
      stale: true,
      fetchedAt: '2026-11-22T11:55:00.000Z',
      retryAt: '2026-11-22T12:40:00.000Z',
      error: { kind: 'rate_limited', message: asIs('Rate-limited (429)') },
    }),
    account({
      id: 'auth',
      label: 'Rejected one',
      level: 'critical',
      remaining: 20,
      error: { kind: 'auth', message: asIs('x') },
    }),
    account({
      id: 'quota',
      label: 'Plan one',
      provider: 'metered-billing',
      providerName: 'Metered billing',
      remaining: null,
      unit: null,
      quotas: [{ metric: 'm', name: 'API calls', used: 45, included: 100, unit: 'x', percentUsed: 45.2 }],
    }),
  ];

  it('lists accounts worst first with the number, the freshness in plain words, and a summary', () => {
    installBridge(appState(accounts));
    render(<Overview state={appState(accounts)} now={NOW} onOpen={noop} onAdd={noop} onSettings={noop} />);
    const rows = screen.getAllByRole('button').filter((b) => b.classList.contains('account-row'));
    expect(rows.map((r) => r.querySelector('.row-label')?.textContent)).toEqual([
      'Rejected one',
      'Offline one',
      'Busy one',
      'Fine one',
      'Plan one',
    ]);
    expect(screen.getByText('3 of 5 need attention')).toBeTruthy();
    // The second line: the level in words above ok, the provider (unless the name says it), how it stands.
    const status = (i: number) => rows[i]?.querySelector('.row-status')?.textContent?.replace(/, $/, '');
    expect(status(0)).toBe('critical, Happenstance · key rejected — update key');
    expect(status(1)).toMatch(/offline — showing value from 12:03$/);
    expect(within(rows[1] as HTMLElement).getByText('stale')).toBeTruthy();
    expect(status(2)).toMatch(/rate-limited until 12:40 — showing value from 11:55$/);
    expect(status(3)).toMatch(/updated 10 min ago$/);
    expect(within(rows[3] as HTMLElement).getByText('about 12 days at 340/day')).toBeTruthy();
    expect(status(4)).toBe('fine, Metered billing · updated 10 min ago');
    expect(within(rows[4] as HTMLElement).getByText('45.2%')).toBeTruthy();
    expect(within(rows[4] as HTMLElement).getByText('of API calls')).toBeTruthy();
  });

  it('a balance nothing judges is drawn plain, not ok; a runway or a level of its own judges it', () => {
    // The rule is shared/thresholds.ts `isJudged` (tested there); the core sets `judged` as it says.
    const rows = [
      account({ id: 'plain', label: 'Nothing judges', remaining: 0.05, unit: 'USD', judged: false }),
      account({
        id: 'runway',
        label: 'A runway',
        remaining: 0.05,
        unit: 'USD',
        forecast: { burnPerDay: 0.001, daysLeft: 50, emptyAt: null, quotaPercentAtEnd: null },
      }),
      account({
        id: 'levels',
        label: 'Own levels',
        remaining: 0.05,
        unit: 'USD',
        alerts: { warnBelow: 0.01 },
      }),
    ];
    installBridge(appState(rows));
    render(<Overview state={appState(rows)} now={NOW} onOpen={noop} onAdd={noop} onSettings={noop} />);
    const shade = (label: string) =>
      [...(screen.getByText(label).closest('.account-row')?.classList ?? [])].find((c) =>
        c.startsWith('level-'),
      );
    expect(shade('Nothing judges')).toBe('level-none');
    expect(shade('A runway')).toBe('level-ok');
    expect(shade('Own levels')).toBe('level-ok');
  });

  it('says why above ok instead of when it was updated, and names the provider only when the name does not', () => {
    const rows = [
      account({
        id: 'why',
        label: 'Research',
        level: 'warning',
        remaining: 90,
        reason: asIs('runs out in about 5 days at the recent pace'),
      }),
      account({ id: 'named', label: 'Happenstance team', remaining: 900 }),
    ];
    installBridge(appState(rows));
    render(<Overview state={appState(rows)} now={NOW} onOpen={noop} onAdd={noop} onSettings={noop} />);
    const status = (label: string) =>
      screen.getByText(label).closest('.account-row')?.querySelector('.row-status')?.textContent;
    expect(status('Research')).toBe('low, Happenstance · runs out in about 5 days at the recent pace, ');
    expect(status('Happenstance team')).toBe('fine, updated 10 min ago, ');
  });

  it('when the OS refused a notification, the overview says how to allow them', () => {
    const state = { ...appState(accounts), notificationsBlocked: true as const };
    installBridge(state);
    render(<Overview state={state} now={NOW} onOpen={noop} onAdd={noop} onSettings={noop} />);
    expect(screen.getByRole('status').textContent).toMatch(
      /^The system does not let Creditbar show notifications/,
    );
  });

  it('refresh all shows its progress until main answers', async () => {
    let finish: () => void = noop;
    const calls = installBridge(appState(accounts), {
      accountsRefresh: () =>
        new Promise((resolve) => {
          finish = () => resolve({ ok: true, value: null });
        }),
    });
    render(<Overview state={appState(accounts)} now={NOW} onOpen={noop} onAdd={noop} onSettings={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh all' }));
    const busy = await screen.findByRole('button', { name: 'Refreshing…' });
    expect(busy.hasAttribute('disabled')).toBe(true);
    await act(async () => finish());
    await screen.findByRole('button', { name: 'Refresh all' });
    // Only the sparklines asked main for anything else: the refresh went through the override above.
    expect(calls.filter(([name]) => name !== 'historyGet')).toEqual([]);
  });

  it('shows provider text only as text', () => {
    const hostile = account({ label: '<img src=x onerror="window.pwned=1">\u202Egnp.exe' });
    installBridge(appState([hostile]));
    const { container } = render(
      <Overview state={appState([hostile])} now={NOW} onOpen={noop} onAdd={noop} onSettings={noop} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="window.pwned=1">');
  });
});

describe('EmptyState', () => {
  it('explains, and offers to add an account or try demo data', async () => {
    const calls = installBridge(appState([]));
    let added = false;
    render(
      <EmptyState
        state={appState([])}
        onAdd={() => {
          added = true;
        }}
        onSettings={noop}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add your first account' }));
    expect(added).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Try with demo data' }));
    await waitFor(() =>
      expect(calls).toEqual([
        ['accountsAdd', { account: { id: 'demo', provider: 'demo', label: 'Demo account' } }],
      ]),
    );
  });

  it('the language and the way to Settings come before any account', async () => {
    const calls = installBridge(appState([]));
    let settings = false;
    render(
      <EmptyState
        state={appState([])}
        onAdd={noop}
        onSettings={() => {
          settings = true;
        }}
      />,
    );
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'de' } });
    await waitFor(() => expect(calls).toEqual([['settingsSet', { patch: { language: 'de' } }]]));
    fireEvent.click(screen.getByRole('button', { name: 'All settings' }));
    expect(settings).toBe(true);
  });
});

describe('AccountDetail', () => {
  const detailed = account({
    id: 'rich',
    label: 'Rich',
    provider: 'generect',
    providerName: 'Generect',
    remaining: 120,
    quotas: [
      { metric: 'calls', name: 'API calls', used: 110, included: 100, unit: 'requests', percentUsed: 110 },
    ],
    forecast: { burnPerDay: 10, daysLeft: 12, emptyAt: '2026-12-04T12:00:00.000Z', quotaPercentAtEnd: 130 },
    extras: {
      breakdown: { search_database: 500, email_find: 134 },
      reserved: 5.5,
      autoReload: { enabled: true, thresholdCredits: 20, reloadAmount: 100, lastReloadAt: null },
      purchases: [{ at: '2026-11-15T08:00:00.000Z', credits: 100 }],
    },
  });

  it('shows forecast, quotas with overage, the per-operation breakdown and billing', async () => {
    installBridge(appState([detailed]));
    render(<AccountDetail account={detailed} now={NOW} numberFormat="full" onBack={noop} onEdit={noop} />);
    expect(
      screen.getByText(
        'About 12 days at 10/day. Runs out around 4 December. Quota expected at 130% by the end of the period.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('(+10 over)')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'API calls' });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('110% used, critical');
    expect(screen.getByText('search database')).toBeTruthy();
    expect(screen.getByText('on: +100 below 20')).toBeTruthy();
    expect(screen.getByText('Reserved (not spendable yet)')).toBeTruthy();
    expect(screen.getByText('+100')).toBeTruthy();
    expect(await screen.findByText('No history for this range yet.')).toBeTruthy();
  });

  it('an export whose save dialog was cancelled says nothing was exported', async () => {
    let answered = false;
    installBridge(appState([detailed]), {
      historyExport: async () => {
        answered = true;
        return { ok: true as const, value: false };
      },
    });
    render(<AccountDetail account={detailed} now={NOW} numberFormat="full" onBack={noop} onEdit={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(answered).toBe(true));
    // Give the answer time to reach the page, then look: nothing was saved, so nothing says it was.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('History exported.')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('a prepaid balance shows what is left of its last top-up as a meter; a ledger account lists its entries', async () => {
    const prepaid = account({
      id: 'pp',
      remaining: 750,
      unit: 'credits',
      forecast: {
        burnPerDay: 80,
        daysLeft: 9,
        emptyAt: null,
        quotaPercentAtEnd: null,
        lastTopUp: { at: '2026-11-12T10:00:00.000Z', after: 3000 },
      },
    });
    installBridge(appState([prepaid]));
    const { unmount } = render(
      <AccountDetail account={prepaid} now={NOW} numberFormat="full" onBack={noop} onEdit={noop} />,
    );
    const meter = screen.getByRole('progressbar', { name: '3,000 credits after the top-up on 12 Nov' });
    expect(meter.getAttribute('aria-valuenow')).toBe('25');
    expect(meter.getAttribute('aria-valuetext')).toBe('25% left');
    unmount();

    const ledger = account({
      id: 'oa',
      provider: 'openai',
      remaining: 87.66,
      unit: 'USD',
      ledger: { statedAt: '2026-11-20T00:00:00.000Z', restate: null },
      extras: {
        ledger: {
          statedAt: '2026-11-20T00:00:00.000Z',
          stated: 90,
          topUps: 0,
          spent: 2.34,
          spentToday: 1.1,
          spentThisMonth: 12.5,
          restate: 'old',
        },
      },
    });
    const stated = { id: '0a1b2c3d', kind: 'balance', amount: '90', at: '2026-11-20T00:00:00.000Z' } as const;
    const calls = installBridge(appState([ledger]), {
      ledgerGet: async () => ({ ok: true as const, value: [{ ...stated, recordedAt: stated.at }] }),
    });
    render(<AccountDetail account={ledger} now={NOW} numberFormat="full" onBack={noop} onEdit={noop} />);
    expect(screen.getByText('≈ $87.66')).toBeTruthy();
    expect(screen.getByText(/stated more than 30 days ago: state it again/)).toBeTruthy();
    const entries = await screen.findByRole('list', { name: 'Stated balances and top-ups' });
    expect(entries.textContent).toContain('$90.00');
    fireEvent.change(screen.getByLabelText('Amount (USD)'), { target: { value: '1,250.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record top-up' }));
    await screen.findByText(/Top-up recorded: \$1,250\.50\./);
    expect(calls.find((c) => c[0] === 'ledgerRecord')?.[1]).toEqual({
      accountId: 'oa',
      kind: 'top-up',
      amount: '1250.50',
    });
  });

  it('removal asks first and says the key leaves the keychain', async () => {
    const calls = installBridge(appState([detailed]));
    render(<AccountDetail account={detailed} now={NOW} numberFormat="full" onBack={noop} onEdit={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove…' }));
    expect(screen.getByRole('alertdialog').textContent).toContain(
      'Its key is deleted from the system keychain too',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.map((c) => c[0])).not.toContain('accountsRemove');
  });

  it('export goes to main, and says it is done', async () => {
    const calls = installBridge(appState([detailed]));
    render(<AccountDetail account={detailed} now={NOW} numberFormat="full" onBack={noop} onEdit={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText('History exported.');
    expect(calls.map((c) => c[0])).toContain('historyExport');
  });

  it('snooze goes to main with the time it ends, and the notice names it', async () => {
    const calls = installBridge(appState([detailed]));
    render(<AccountDetail account={detailed} now={NOW} numberFormat="full" onBack={noop} onEdit={noop} />);
    const before = Date.now();
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Snooze alerts' })).getByRole('button', { name: '8 h' }),
    );
    // Late in the day eight hours ahead is tomorrow: the notice then names the weekday too.
    await screen.findByText(/^Alerts snoozed until ([A-Z][a-z]{2} )?\d\d:\d\d\.$/);
    const snooze = calls.find((c) => c[0] === 'alertsSnooze');
    const until = Date.parse((snooze as [string, { until: string }])[1].until);
    expect(until).toBeGreaterThanOrEqual(before + 8 * 3_600_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 8 * 3_600_000);
  });
});

describe('AccountForm', () => {
  it('reports field errors from the shared schema, in plain words', async () => {
    const calls = installBridge(appState([]));
    render(<AccountForm existing={null} onDone={noop} onCancel={noop} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Research' } });
    fireEvent.change(screen.getByLabelText('Base URL (optional)'), {
      target: { value: 'http://api.example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This URL must use https')).toBeTruthy();
    expect(screen.getByLabelText('Base URL (optional)').getAttribute('aria-invalid')).toBe('true');
    expect(calls).toEqual([]);
  });

  it('testing an OpenAI Admin key says what was spent, and that a balance is stated once it is added', async () => {
    installBridge(appState([]), {
      accountsTest: async () => ({
        ok: true,
        value: {
          remaining: null,
          unit: 'USD',
          quotas: 0,
          usedThisPeriod: 10.5,
          readings: [],
          shape: null,
          problem: null,
        },
      }),
    });
    render(<AccountForm existing={null} onDone={noop} onCancel={noop} />);
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'openai' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    // A name left empty is said in words, not zod's "Too small: expected string to have >=1 characters".
    expect(await screen.findByText('is empty')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'OpenAI' } });
    fireEvent.change(screen.getByLabelText('Admin API key'), { target: { value: 'sk-admin-0123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Connected: $10.50 spent this month. Once it is added, state the balance its console shows, and what is left is estimated.',
    );
  });

  it('a custom JSON account needs its URL and a remaining expression, shows what the test read, then saves', async () => {
    const calls = installBridge(appState([]), {
      accountsTest: async () => ({
        ok: true,
        value: {
          remaining: null,
          unit: null,
          quotas: 0,
          usedThisPeriod: null,
          readings: [{ field: 'remaining', source: 'credits.left', value: 'nothing' }],
          shape: asIs('object\n  data: object\n    left: number'),
          problem: {
            kind: 'bad_response',
            message: asIs('The remaining expression "credits.left" gave nothing, not a number'),
          },
        },
      }),
    });
    let done = false;
    render(
      <AccountForm
        existing={null}
        onDone={() => {
          done = true;
        }}
        onCancel={noop}
      />,
    );
    fireEvent.change(screen.getByLabelText('Provider'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'My API' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://api.example.com/me' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText(/is required: an expression such as data.credits.balance/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Remaining'), { target: { value: 'credits.left' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'sk_live_123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /Connected, but: The remaining expression/,
    );
    expect(screen.getByRole('table', { name: 'What each expression read' }).textContent).toContain(
      'credits.left',
    );
    expect(screen.getByText(/left: number/)).toBeTruthy();
    // Only the fields the chosen way of sending the key needs are shown.
    expect(screen.queryByLabelText('Key parameter')).toBeNull();
    fireEvent.change(screen.getByLabelText('Send the key'), { target: { value: 'query' } });
    expect(screen.queryByLabelText('Key header')).toBeNull();
    fireEvent.change(screen.getByLabelText('Key parameter'), { target: { value: 'api_key' } });
    fireEvent.change(screen.getByLabelText('Remaining'), { target: { value: 'data.left' } });
    fireEvent.change(screen.getByLabelText('Extra headers (optional)'), {
      target: { value: 'X-Team: growth' },
    });
    fireEvent.change(screen.getByLabelText('Timeout (seconds, optional)'), { target: { value: '20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(done).toBe(true));
    expect(calls[calls.length - 1]).toEqual([
      'accountsAdd',
      {
        account: {
          id: 'my-api',
          provider: 'custom',
          label: 'My API',
          custom: {
            method: 'GET',
            url: 'https://api.example.com/me',
            auth: 'query',
            authParam: 'api_key',
            authHeader: 'Authorization',
            authScheme: 'Bearer',
            headers: { 'X-Team': 'growth' },
            remaining: 'data.left',
            timeoutSeconds: 20,
            unit: 'credits',
          },
        },
        key: 'sk_live_123456789',
      },
    ]);
  });

  it('offers presets added from files, filled in as a custom endpoint that names its host', async () => {
    const calls = installBridge(appState([]));
    const preset = {
      creditbarPreset: 1 as const,
      id: 'acme',
      name: 'Acme',
      custom: CustomEndpoint.parse({
        url: 'https://api.acme.example/v1/me',
        remaining: 'wallet.left',
        unit: 'EUR',
      }),
    };
    let done = false;
    render(
      <AccountForm
        existing={null}
        presets={[preset]}
        onDone={() => {
          done = true;
        }}
        onCancel={noop}
      />,
    );
    const option = screen.getByRole('option', { name: 'Acme (api.acme.example)' });
    fireEvent.change(screen.getByLabelText('Provider'), {
      target: { value: (option as HTMLOptionElement).value },
    });
    expect((screen.getByLabelText('URL') as HTMLInputElement).value).toBe('https://api.acme.example/v1/me');
    expect((screen.getByLabelText('Remaining') as HTMLTextAreaElement).value).toBe('wallet.left');
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Acme');
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'acme_live_123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(done).toBe(true));
    expect(calls.at(-1)).toMatchObject([
      'accountsAdd',
      {
        account: {
          id: 'acme',
          provider: 'custom',
          custom: { url: 'https://api.acme.example/v1/me', unit: 'EUR' },
        },
      },
    ]);
  });

  it('shows a failed test in plain words and does not save', async () => {
    installBridge(appState([]), {
      accountsTest: async () => ({
        ok: false,
        error: { kind: 'auth', message: asIs('The key was rejected (401)') },
      }),
    });
    render(<AccountForm existing={null} onDone={noop} onCancel={noop} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Research' } });
    fireEvent.change(screen.getByLabelText('API key'), { target: { value: 'bad' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The key was rejected (401)');
  });

  it('editing shows every field the account has, and sends only a patch of what the form shows', async () => {
    const calls = installBridge(appState([]));
    const klaim = account({
      id: 'klaim',
      provider: 'klaim',
      label: 'Klaim',
      config: {
        id: 'klaim',
        provider: 'klaim',
        label: 'Klaim',
        baseUrl: 'https://klaim.example',
        userId: 'GtQ5Oezk6cOvSmPgxsMR',
        pollSeconds: 900,
        alerts: { warnBelow: 50 },
      },
    });
    let done = false;
    render(
      <AccountForm
        existing={klaim}
        onDone={() => {
          done = true;
        }}
        onCancel={noop}
      />,
    );
    expect((screen.getByLabelText('Base URL') as HTMLInputElement).value).toBe('https://klaim.example');
    expect((screen.getByLabelText('User id') as HTMLInputElement).value).toBe('GtQ5Oezk6cOvSmPgxsMR');
    expect((screen.getByLabelText('Check every (seconds, optional)') as HTMLInputElement).value).toBe('900');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Klaim (prod)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(done).toBe(true));
    expect(calls.at(-1)).toEqual([
      'accountsUpdate',
      {
        accountId: 'klaim',
        patch: {
          label: 'Klaim (prod)',
          pollSeconds: 900,
          baseUrl: 'https://klaim.example',
          userId: 'GtQ5Oezk6cOvSmPgxsMR',
        },
      },
    ]);
  });

  it('editing the demo names Demo as its provider, though new accounts are not offered it', () => {
    installBridge(appState([]));
    render(
      <AccountForm
        existing={account({
          id: 'demo',
          provider: 'demo',
          providerName: 'Demo',
          label: 'Demo account',
          config: { id: 'demo', provider: 'demo', label: 'Demo account' },
        })}
        onDone={noop}
        onCancel={noop}
      />,
    );
    const select = screen.getByLabelText('Provider') as HTMLSelectElement;
    expect(select.options[select.selectedIndex]?.text).toBe('Demo');
  });

  it('editing keeps the key unless a new one is typed, and says which key it has', () => {
    installBridge(appState([]));
    render(<AccountForm existing={account({ label: 'Research' })} onDone={noop} onCancel={noop} />);
    expect(screen.getByText('Leave empty to keep the current key (…abcd)')).toBeTruthy();
    expect(screen.getByLabelText('Provider').hasAttribute('disabled')).toBe(true);
  });
});

describe('Settings', () => {
  it('every setting applies as it is entered: a choice at once, a typed value when its field is left', async () => {
    const calls = installBridge(appState([]));
    render(<Settings state={appState([])} onBack={noop} />);
    // No Save button anywhere: one way to save.
    expect(screen.queryAllByRole('button', { name: /^Save/ })).toEqual([]);
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    await screen.findByText('Saved.');
    // Quiet hours wait for both ends, in 24-hour time.
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '22:00' } });
    fireEvent.blur(screen.getByLabelText('From'));
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '07:00' } });
    fireEvent.blur(screen.getByLabelText('To'));
    fireEvent.change(screen.getByLabelText(/Warn at %/), { target: { value: 'lots' } });
    fireEvent.blur(screen.getByLabelText(/Warn at %/));
    expect(await screen.findByText('Each level must be a number.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Warn at %/), { target: { value: '70' } });
    fireEvent.keyDown(screen.getByLabelText(/Warn at %/), { key: 'Enter' });
    await waitFor(() => expect(calls.length).toBe(3));
    // The runway's days for balances with no levels, and spend spikes (off until asked for).
    fireEvent.change(screen.getByLabelText(/Warn when a balance with no levels runs out within/), {
      target: { value: '10' },
    });
    fireEvent.blur(screen.getByLabelText(/Warn when a balance with no levels runs out within/));
    await waitFor(() => expect(calls.length).toBe(4));
    const spikes = screen.getByLabelText(/over 3× the usual/) as HTMLInputElement;
    expect(spikes.checked).toBe(false);
    fireEvent.click(spikes);
    await waitFor(() => expect(calls.length).toBe(5));
    expect(calls).toEqual([
      ['settingsSet', { patch: { theme: 'dark' } }],
      ['settingsSet', { patch: { quietHours: { start: '22:00', end: '07:00' } } }],
      ['settingsSet', { patch: { defaultAlerts: { warnPercent: 70 } } }],
      ['settingsSet', { patch: { defaultAlerts: { warnPercent: 70, warnDays: 10 } } }],
      ['settingsSet', { patch: { spendSpikes: true } }],
    ]);
    // The defaults are a quota's: a balance's level has no unit that fits every account.
    expect(screen.queryByLabelText(/Warn below/)).toBeNull();
  });

  it('updates: the About line, the automatic switch (on by default), the last check, and the buttons', async () => {
    const state = {
      ...appState([]),
      updates: {
        version: '1.4.0',
        source: { kind: 'self-updating' as const, format: 'appimage' as const },
        status: { kind: 'up-to-date' as const, checkedAt: new Date(Date.now() - 3 * 60_000).toISOString() },
      },
    };
    const calls = installBridge(state);
    render(<Settings state={state} onBack={noop} />);
    expect(screen.getByText('Creditbar 1.4.0')).toBeTruthy();
    expect(screen.getByText('Up to date, checked 3 min ago')).toBeTruthy();
    const automatic = screen.getByLabelText('Check for updates automatically') as HTMLInputElement;
    expect(automatic.checked).toBe(true);
    fireEvent.click(automatic);
    fireEvent.click(screen.getByRole('button', { name: 'Check for updates' }));
    await waitFor(() => expect(calls.length).toBe(2));
    // Off is the one value written down: on is the default.
    expect(calls).toEqual([
      ['settingsSet', { patch: { checkForUpdates: false } }],
      ['updatesCheck', {}],
    ]);
    cleanup();
    const ready = {
      ...state,
      updates: { ...state.updates, status: { kind: 'ready' as const, version: '1.5.0' } },
    };
    const readyCalls = installBridge(ready);
    render(<Settings state={ready} onBack={noop} />);
    expect(screen.getByText('Version 1.5.0 is ready: it is installed when Creditbar quits.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restart to update' }));
    await waitFor(() => expect(readyCalls).toEqual([['updatesInstall', {}]]));
  });

  it('updates a package manager owns, or a refused download, are said in words, with no switch to flip', () => {
    const brew = {
      ...appState([]),
      updates: {
        version: '1.4.0',
        source: { kind: 'package-manager' as const, manager: 'homebrew' as const },
        status: { kind: 'idle' as const },
      },
    };
    installBridge(brew);
    render(<Settings state={brew} onBack={noop} />);
    expect(
      screen.getByText('Installed with Homebrew, which keeps it up to date: brew upgrade --cask creditbar'),
    ).toBeTruthy();
    const automatic = screen.getByLabelText('Check for updates automatically') as HTMLInputElement;
    expect([automatic.checked, automatic.disabled]).toEqual([false, true]);
    expect(screen.queryByRole('button', { name: 'Check for updates' })).toBeNull();
    cleanup();
    const refused = {
      ...brew,
      updates: {
        version: '1.4.0',
        source: { kind: 'self-updating' as const, format: 'nsis' as const },
        status: {
          kind: 'failed' as const,
          failure: 'tampered' as const,
          at: new Date().toISOString(),
          version: '1.5.0',
        },
      },
    };
    installBridge(refused);
    render(<Settings state={refused} onBack={noop} />);
    expect(
      screen.getByText(
        'Version 1.5.0 was not installed: the download did not match the checksum the release published, so it was refused.',
      ),
    ).toBeTruthy();
  });

  it('alerts elsewhere: lists each channel with what it failed, tests it, and adds one with its secret', async () => {
    const calls = installBridge(appState([]), {
      channelsList: async () => ({
        ok: true as const,
        value: [
          {
            channel: { id: 'ops', type: 'discord' as const },
            failed: 2,
            lastProblem: asIs(
              'Discord answered 404 Unknown Webhook: the webhook was removed, or its URL is wrong',
            ),
          },
        ],
      }),
      channelsTest: async () => ({
        ok: true as const,
        value: { ok: false, problem: asIs('Discord answered 404 Unknown Webhook') },
      }),
    });
    render(<Settings state={appState([])} onBack={noop} />);
    expect(
      (await screen.findByText(/2 alerts not delivered: Discord answered 404 Unknown Webhook/)).textContent,
    ).toContain('the webhook was removed');
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('Discord answered 404 Unknown Webhook')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Send to'), { target: { value: 'ntfy' } });
    fireEvent.change(screen.getByLabelText('Name (a-z, 0-9, -)'), { target: { value: 'phone' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    // The topic is required for ntfy: said before anything is sent to main.
    expect((await screen.findByRole('alert')).textContent).toMatch(/topic/);
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'credit-alerts' } });
    fireEvent.change(screen.getByLabelText('Access token, if the topic needs one'), {
      target: { value: 'tk_1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    await screen.findByText('Added phone. Send a test to see it arrive.');
    expect(calls.find((c) => c[0] === 'channelsAdd')?.[1]).toEqual({
      channel: { id: 'phone', type: 'ntfy', topic: 'credit-alerts', server: 'https://ntfy.sh' },
      secret: 'tk_1',
    });
    // Edit: the form takes the channel's fields, its id and type fixed; an empty secret keeps the kept one.
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect((screen.getByLabelText('Name (a-z, 0-9, -)') as HTMLInputElement).value).toBe('ops');
    expect((screen.getByLabelText('Send to') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/^Only these accounts/), { target: { value: 'research, ads' } });
    fireEvent.change(screen.getByLabelText('Language of its messages'), { target: { value: 'de' } });
    fireEvent.change(screen.getByLabelText(/^Quiet from/), { target: { value: '22:00' } });
    fireEvent.change(screen.getByLabelText('until'), { target: { value: '07:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved ops.');
    expect(calls.find((c) => c[0] === 'channelsUpdate')?.[1]).toEqual({
      channel: {
        id: 'ops',
        type: 'discord',
        accounts: ['research', 'ads'],
        language: 'de',
        quietHours: { start: '22:00', end: '07:00' },
      },
      secret: '',
    });
  });

  it('the menu bar number: each choice saves only what differs from the default', async () => {
    const accounts = [
      account({ id: 'research', label: 'Research', remaining: 1840, unit: 'credits' }),
      account({ id: 'ads', label: 'Ads', remaining: 12, unit: 'USD' }),
      account({ id: 'mail', label: 'Mail', remaining: 30, unit: 'USD' }),
    ];
    const state = appState(accounts);
    const calls = installBridge(state);
    const { rerender } = render(<Settings state={state} onBack={noop} />);
    // Only on macOS is there a title to choose.
    expect(screen.queryByLabelText('In the menu bar')).toBeNull();
    fireEvent.change(screen.getByLabelText('Shows'), { target: { value: 'pinned' } });
    await waitFor(() => expect(calls.length).toBe(1));
    const pinned = { ...state, settings: { badge: { source: 'pinned' as const, accountId: 'research' } } };
    rerender(<Settings state={pinned} onBack={noop} />);
    fireEvent.change(screen.getByLabelText('Account'), { target: { value: 'ads' } });
    fireEvent.change(screen.getByLabelText('Number'), { target: { value: 'percent' } });
    const sum = { ...state, settings: { badge: { source: 'sum' as const } }, platform: 'darwin' };
    rerender(<Settings state={sum} onBack={noop} />);
    // The unit most accounts share leads; a sum has no "percent used".
    expect([...(screen.getByLabelText('Unit') as HTMLSelectElement).options].map((o) => o.value)).toEqual([
      'USD',
      'credits',
    ]);
    expect(screen.queryByLabelText('Number')).toBeNull();
    fireEvent.change(screen.getByLabelText('In the menu bar'), { target: { value: 'icon' } });
    fireEvent.change(screen.getByLabelText('Shows'), { target: { value: 'worst' } });
    await waitFor(() => expect(calls.length).toBe(5));
    expect(calls.map(([, request]) => request)).toEqual([
      { patch: { badge: { source: 'pinned', accountId: 'research' } } },
      { patch: { badge: { source: 'pinned', accountId: 'ads' } } },
      { patch: { badge: { source: 'pinned', accountId: 'research', figure: 'percent' } } },
      { patch: { badge: { source: 'sum', macos: 'icon' } } },
      { patch: { badge: null } },
    ]);
  });

  it('records a global shortcut from the keys pressed, stops on Escape without closing the view, and clears it', async () => {
    const state = { ...appState([]), platform: 'linux' };
    const calls = installBridge(state);
    const escapes: KeyboardEvent[] = [];
    const onWindowKey = (event: KeyboardEvent) => escapes.push(event);
    window.addEventListener('keydown', onWindowKey);
    const { rerender } = render(<Settings state={state} onBack={noop} />);
    expect(screen.getByText('none')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear shortcut' }).hasAttribute('disabled')).toBe(true);
    const record = screen.getByRole('button', { name: 'Record shortcut' });
    fireEvent.click(record);
    expect(record.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(record, { key: 'Escape', code: 'Escape' });
    expect(escapes).toEqual([]);
    expect(record.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(record);
    fireEvent.keyDown(record, { key: 'k', code: 'KeyK' });
    expect(screen.getByText('Hold Ctrl, Alt or the Windows key with the key.').getAttribute('role')).toBe(
      'status',
    );
    fireEvent.keyDown(record, { key: 'Control', code: 'ControlLeft', ctrlKey: true });
    fireEvent.keyDown(record, { key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(calls.length).toBe(1));
    window.removeEventListener('keydown', onWindowKey);
    const refused = {
      ...state,
      settings: { shortcut: 'Control+Shift+K' },
      shortcutProblem: asIs(
        'Ctrl+Shift+K is taken by another app or by the system. Record another shortcut.',
      ),
    };
    rerender(<Settings state={refused} onBack={noop} />);
    expect(screen.getByText('Ctrl+Shift+K')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^Ctrl\+Shift\+K is taken/);
    fireEvent.click(screen.getByRole('button', { name: 'Clear shortcut' }));
    await waitFor(() => expect(calls.length).toBe(2));
    expect(calls.map(([, request]) => request)).toEqual([
      { patch: { shortcut: 'Control+Shift+K' } },
      { patch: { shortcut: null } },
    ]);
  });
});
