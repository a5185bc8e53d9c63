import { readFile, writeFile } from 'node:fs/promises';
import { describeIssues } from '../../shared/config';
import { migrateEndpoint } from '../../shared/config-migration';
import type { MessageKey } from '../../shared/i18n/catalog';
import type { Translator } from '../../shared/i18n/translator';
import { PresetFile, presetHost } from '../../shared/preset-file';
import { DESCRIPTORS, isPreset, PROVIDERS, ProviderId } from '../../shared/providers';
import { AppFailure } from '../core/errors';
import { checkExpressions } from '../core/providers/custom/read-answer';
import { type CliIo, openContext } from './context';
import { alignedTable } from './format';

interface ProvidersFlags {
  'data-dir'?: string;
  config?: string;
  host?: string;
  json?: boolean;
}

/** How a provider takes the key: its way, and the header or query parameter named. */
interface KeyWay {
  way: 'header' | 'query' | 'basic' | 'none' | 'yours';
  name?: string;
}

/** The kinds `providers` lists; `--json` prints them as they are, the table in the reader's words. */
type ProviderKind = 'provider' | 'preset' | 'custom' | 'sample' | 'added preset';

function keyWayOf(auth: { auth?: string; authParam?: string; authHeader?: string }): KeyWay {
  if (auth.auth === 'query') return { way: 'query', ...(auth.authParam ? { name: auth.authParam } : {}) };
  if (auth.auth === 'basic') return { way: 'basic' };
  return { way: 'header', name: auth.authHeader ?? 'Authorization' };
}

function providerKeyWay(id: ProviderId): KeyWay {
  const info = PROVIDERS[id];
  if (info.credential.kind === 'none') return { way: 'none' };
  const endpoint = info.preset?.endpoint;
  if (!endpoint) return id === 'custom' ? { way: 'yours' } : { way: 'header' };
  return keyWayOf(endpoint);
}

/** As `--json` prints it (`query api_key`, `HTTP Basic`): identifiers, the same in every language. */
function keyWayCode({ way, name }: KeyWay): string {
  if (way === 'basic') return 'HTTP Basic';
  return name ? `${way} ${name}` : way;
}

function keyWayWords({ t }: Translator, { way, name }: KeyWay): string {
  switch (way) {
    case 'none':
      return t('cli.keyWayNone');
    case 'yours':
      return t('cli.keyWayYours');
    case 'basic':
      return 'HTTP Basic';
    case 'query':
      return t('cli.keyWayQuery', { name: name ?? '' });
    default:
      return name ? t('cli.keyWayHeader', { name }) : t('cli.keyWayAHeader');
  }
}

const KIND_WORDS = {
  provider: 'cli.kind.provider',
  preset: 'cli.kind.preset',
  custom: 'cli.kind.custom',
  sample: 'cli.kind.sample',
  'added preset': 'cli.kind.added',
} as const satisfies Record<ProviderKind, MessageKey>;

function kindOf(d: (typeof DESCRIPTORS)[number]): ProviderKind {
  if (isPreset(d.id)) return 'preset';
  if (d.id === 'custom') return 'custom';
  return d.sample ? 'sample' : 'provider';
}

/** `providers`: every provider and preset, then the presets added from files. */
export async function providersList(flags: ProvidersFlags, io: CliIo): Promise<number> {
  const ctx = await openContext(flags, io);
  const listed = DESCRIPTORS.map((d) => ({
    id: d.id,
    name: d.displayName,
    kind: kindOf(d),
    host: d.defaultBaseUrl ? new URL(d.defaultBaseUrl).host : null,
    key: providerKeyWay(d.id),
    docs: d.docsUrl,
  }));
  const added = ctx.stores.config.presets.map((p) => ({
    id: p.id,
    name: p.name,
    kind: 'added preset' as ProviderKind,
    host: presetHost(p),
    key: keyWayOf(p.custom),
    docs: p.docsUrl ?? null,
  }));
  const all = [...listed, ...added];
  if (flags.json) {
    const printed = all.map((row) => ({ ...row, key: keyWayCode(row.key) }));
    io.stdout(`${JSON.stringify({ providers: printed }, null, 2)}\n`);
    return 0;
  }
  const { t } = io.tr;
  const header = [t('cli.col.id'), t('cli.col.name'), t('cli.col.kind'), t('cli.col.host'), t('cli.col.key')];
  const cells = all.map((row) => [
    row.id,
    row.name,
    t(KIND_WORDS[row.kind]),
    row.host ?? t('cli.hostYours'),
    keyWayWords(io.tr, row.key),
  ]);
  io.stdout(`${alignedTable(header, cells)}\n`);
  return 0;
}

/** `providers save ACCOUNT FILE`: a custom account's endpoint as a shareable file, with no key inside. */
export async function providersSave(
  accountId: string,
  file: string,
  flags: ProvidersFlags,
  io: CliIo,
): Promise<number> {
  const { t } = io.tr;
  const ctx = await openContext(flags, io);
  const account = ctx.stores.config.account(accountId);
  if (account?.provider !== 'custom' || !account.custom) {
    io.stderr(`${t('cli.noCustomAccount', { id: accountId })}\n`);
    return 3;
  }
  const preset: PresetFile = {
    creditbarPreset: 1,
    id: account.id,
    name: account.label,
    custom: account.custom,
  };
  try {
    await writeFile(file, `${JSON.stringify(preset, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      `${code === 'EEXIST' ? t('cli.fileExists', { file }) : t('cli.cannotWrite', { file, code: code ?? 'error' })}\n`,
    );
    return 3;
  }
  io.stdout(`${t('cli.presetSaved', { label: account.label, file })}\n`);
  return 0;
}

/**
 * `providers add FILE --host HOST`: a preset from someone else, validated like any config. It is saved only when
 * the person names the host it sends their key to, so no file can send a key somewhere they did not see.
 */
export async function providersAdd(file: string, flags: ProvidersFlags, io: CliIo): Promise<number> {
  const { t, say } = io.tr;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.stderr(
      `${error instanceof SyntaxError ? t('cli.presetNotJson', { file }) : t('cli.presetUnreadable', { file, code: (error as NodeJS.ErrnoException).code ?? 'error' })}\n`,
    );
    return 3;
  }
  // A preset saved by an older version may read its values with JSON pointers: read as today's expressions.
  const document = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : null;
  const moved = document ? migrateEndpoint(document.custom, ['custom']) : { endpoint: undefined, issues: [] };
  const parsed = PresetFile.safeParse(document ? { ...document, custom: moved.endpoint } : raw);
  if (moved.issues.length > 0 || !parsed.success) {
    const issues = moved.issues.length > 0 ? moved : (parsed.error ?? { issues: [] });
    io.stderr(`${t('cli.presetInvalid', { file })}\n${say(describeIssues(issues))}\n`);
    return 3;
  }
  const preset = parsed.data;
  try {
    await checkExpressions(preset.custom);
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    io.stderr(`${t('cli.presetInvalid', { file })}\n${say(error.said)}\n`);
    return 3;
  }
  if (ProviderId.safeParse(preset.id).success) {
    io.stderr(`${t('cli.presetIdTaken', { id: preset.id })}\n`);
    return 3;
  }
  const host = presetHost(preset);
  if (flags.host !== host) {
    io.stderr(`${t('cli.presetHost', { host, url: preset.custom.url })}\n`);
    return 3;
  }
  const ctx = await openContext(flags, io);
  await ctx.stores.config.addPreset(preset);
  io.stdout(`${t('cli.presetAdded', { name: preset.name, id: preset.id, host })}\n`);
  return 0;
}
