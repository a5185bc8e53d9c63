import { describe, expect, it } from 'vitest';
import {
  Account,
  AccountPatch,
  accountDraft,
  ConfigFile,
  describeIssues,
  fieldProblem,
  Settings,
  SettingsPatch,
} from '../../shared/config';
import { migrateConfig } from '../../shared/config-migration';
import { translatorFor } from '../../shared/i18n/catalogs';
import { type FieldSpec, PROVIDERS } from '../../shared/providers';
import { english } from '../support/english';
import { asIs } from '../support/said';

/** A version 1 config as Creditbar reads it: migrated, then checked by the current schema. */
const parse = (accounts: unknown[]) => {
  const migrated = migrateConfig({ version: 1, accounts });
  return migrated.issues.length > 0
    ? ({ success: false, error: { issues: migrated.issues } } as const)
    : ConfigFile.safeParse(migrated.config);
};
const problems = (accounts: unknown[]) => {
  const result = parse(accounts);
  return result.success ? '' : english.say(describeIssues(result.error));
};

describe('config file', () => {
  it('accepts every provider with what it needs, filling custom defaults', () => {
    const result = parse([
      { id: 'hs', provider: 'happenstance', label: 'HS' },
      { id: 'gen', provider: 'generect', label: 'Gen', pollSeconds: 2, alerts: { warnBelow: 100 } },
      { id: 'ru', provider: 'richutilities', label: 'RU', baseUrl: 'https://api.rich.example' },
      { id: 'kl', provider: 'klaim', label: 'KL', baseUrl: 'https://klaim.example', userId: 'u1' },
      { id: 'mb', provider: 'metered-billing', label: 'MB', baseUrl: 'http://127.0.0.1:8080' },
      {
        id: 'cu',
        provider: 'custom',
        label: 'CU',
        custom: { url: 'https://x.example/me', remainingPointer: '/a~1b/0' },
      },
    ]);
    expect(result.success).toBe(true);
    // A version 1 pointer is read as the expression that reads the same value.
    expect(result.success && result.data.accounts[5]?.custom).toEqual({
      method: 'GET',
      auth: 'header',
      url: 'https://x.example/me',
      authHeader: 'Authorization',
      authScheme: 'Bearer',
      remaining: '$number(`a/b`[0])',
      unit: 'credits',
    });
  });

  it.each([
    [[{ id: 'a', provider: 'nope', label: 'x' }], /accounts\.0\.provider: Invalid option/],
    [[{ id: 'a'.repeat(41), provider: 'happenstance', label: 'x' }], /accounts\.0\.id: must be 1 to 40/],
    [[{ id: 'a', provider: 'happenstance', label: '' }], /accounts\.0\.label/],
    [[{ id: 'a', provider: 'happenstance', label: 'x', pollSeconds: 1 }], /accounts\.0\.pollSeconds/],
    [
      [{ id: 'a', provider: 'happenstance', label: 'x', baseUrl: 'ftp://h' }],
      /baseUrl: This URL must use https/,
    ],
    [
      [{ id: 'a', provider: 'happenstance', label: 'x', baseUrl: 'https://u:p@h' }],
      /must not contain a user name/,
    ],
    [[{ id: 'a', provider: 'happenstance', label: 'x', apiKey: 'k' }], /Unrecognized key: "apiKey"/],
    [[{ id: 'a', provider: 'custom', label: 'x' }], /accounts\.0\.custom: is required/],
    [
      [
        {
          id: 'a',
          provider: 'custom',
          label: 'x',
          custom: { url: 'https://h', remainingPointer: 'data.balance' },
        },
      ],
      /custom\.remainingPointer: must be a JSON pointer/,
    ],
    [
      [{ id: 'a', provider: 'custom', label: 'x', custom: { url: 'https://h', remainingPointer: '/a~2' } }],
      /custom\.remainingPointer/,
    ],
    [
      [
        {
          id: 'a',
          provider: 'custom',
          label: 'x',
          custom: { url: 'https://h', remainingPointer: '/a', authHeader: 'X Y' },
        },
      ],
      /custom\.authHeader/,
    ],
    [
      [
        {
          id: 'a',
          provider: 'custom',
          label: 'x',
          custom: { url: 'https://h', remainingPointer: '/a', authHeader: 'Content-Length' },
        },
      ],
      /custom\.authHeader: is a header the HTTP stack sets itself/,
    ],
    [
      [
        { id: 'a', provider: 'happenstance', label: 'x' },
        { id: 'a', provider: 'generect', label: 'y' },
      ],
      /accounts\.1\.id: "a" is used twice/,
    ],
  ])('refuses %j naming the field', (accounts, message) => {
    expect(problems(accounts)).toMatch(message);
  });

  it('refuses a version it does not know, from the future or unmigrated', () => {
    expect(ConfigFile.safeParse({ version: 2, accounts: [] }).success).toBe(true);
    expect(ConfigFile.safeParse({ version: 3, accounts: [] }).success).toBe(false);
    expect(ConfigFile.safeParse({ version: 1, accounts: [] }).success).toBe(false);
    expect(ConfigFile.safeParse(migrateConfig({ version: 1, accounts: [] }).config).success).toBe(true);
  });
});

describe('patches and drafts, derived once', () => {
  it('a patch has every field of its schema but the fixed ones', () => {
    expect(Object.keys(AccountPatch.def.shape).sort()).toEqual(
      Object.keys(Account.def.shape)
        .filter((k) => k !== 'id' && k !== 'provider')
        .sort(),
    );
    expect(Object.keys(SettingsPatch.def.shape).sort()).toEqual(Object.keys(Settings.def.shape).sort());
    expect(AccountPatch.safeParse({ provider: 'generect' }).success).toBe(false);
  });

  it('in a patch only an optional field may be null, and each field keeps its own rule', () => {
    expect(AccountPatch.safeParse({ baseUrl: null, alerts: null }).success).toBe(true);
    expect(AccountPatch.safeParse({ label: null }).success).toBe(false);
    // A field's own rule holds in the patch too.
    expect(AccountPatch.safeParse({ pollSeconds: 1 }).success).toBe(false);
  });

  it('one draft builder for the form and the CLI: empty left out unless empty is a value, groups, problems named', () => {
    const fields = PROVIDERS.custom.fields as readonly FieldSpec[];
    const text: Record<string, string> = {
      'custom.url': 'https://api.example.com/me',
      'custom.remaining': 'data.left',
      'custom.limit': '',
      'custom.authScheme': '',
      'custom.headers': 'X-Team growth',
    };
    const { draft, problems } = accountDraft(fields, (f) => text[f.path]);
    expect(draft).toEqual({
      custom: { url: 'https://api.example.com/me', remaining: 'data.left', authScheme: '' },
    });
    expect(problems.map((p) => [p.field.path, english.say(p.problem)])).toEqual([
      ['custom.headers', expect.stringMatching(/X-Team growth/)],
    ]);
  });
});

describe('a refusal is data until it is said', () => {
  it('checked once, said in each reader’s language: the catalog’s words and zod’s own', () => {
    const refused = Account.safeParse({
      id: 'a',
      provider: 'happenstance',
      label: 'A',
      pollSeconds: 1,
      apiKey: 'k',
    });
    const issues = refused.success ? asIs('') : describeIssues(refused.error);
    expect(english.say(issues).split('\n')).toEqual([
      'pollSeconds: must be from 2 to 86400',
      '(top level): Unrecognized key: "apiKey"',
    ]);
    expect(translatorFor('de').say(issues).split('\n')).toEqual([
      'pollSeconds: muss zwischen 2 und 86400 liegen',
      '(oberste Ebene): Unbekannter Schlüssel: "apiKey"',
    ]);
    expect(translatorFor('zh').say(issues)).toContain('（顶层）：');
  });
});

describe('numbers a person types', () => {
  it('a number out of range or not whole is refused in the catalog’s words, in the language spoken', () => {
    const { say } = translatorFor('de');
    const fields = PROVIDERS.custom.fields as readonly FieldSpec[];
    const timeout = fields.find((f) => f.path === 'custom.timeoutSeconds') as FieldSpec;
    expect(say(fieldProblem(timeout, 'oft') ?? asIs(''))).toBe('muss eine ganze Zahl sein');
    expect(fieldProblem(timeout, '30')).toBeNull();
    const tooOften = Account.safeParse({ id: 'a', provider: 'happenstance', label: 'A', pollSeconds: 1 });
    expect(tooOften.success ? '' : say(describeIssues(tooOften.error))).toBe(
      'pollSeconds: muss zwischen 2 und 86400 liegen',
    );
  });
});
