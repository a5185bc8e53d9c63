import { carry } from './issue-message';

/** The config format this version writes; older ones are read and migrated (see migrateConfig). */
export const CONFIG_VERSION = 2;

/** RFC 6901: empty (the whole document) or slash-separated tokens where `~` is only `~0` or `~1`. */
const JSON_POINTER = /^(\/([^~]|~[01])*)*$/;

/** The values a version 1 custom endpoint could read with a JSON pointer instead of an expression. */
const POINTER_FIELDS = ['remaining', 'limit', 'used'] as const;

/**
 * A version 1 pointer as the JSONata expression that reads the same value. `$number` keeps version 1's acceptance
 * of numbers sent as text (`"12.5"`).
 */
export function pointerToExpression(pointer: string): string {
  if (pointer === '') return '$number($)';
  const steps = pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((token) =>
      /^(0|[1-9]\d*)$/.test(token)
        ? `[${token}]`
        : /^[A-Za-z_][A-Za-z0-9_]*$/.test(token)
          ? `.${token}`
          : `.\`${token}\``,
    );
  return `$number(${steps.join('').replace(/^\./, '')})`;
}

export interface MigrationIssue {
  path: (string | number)[];
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A version 1 custom endpoint in version 2's terms: each pointer becomes the expression that reads the same value.
 * A pointer that is not one, or one given beside an expression for the same value, is an issue at its path, and
 * is left in place for the schema to refuse.
 */
export function migrateEndpoint(
  endpoint: unknown,
  at: (string | number)[],
): { endpoint: unknown; issues: MigrationIssue[] } {
  if (!isObject(endpoint)) return { endpoint, issues: [] };
  const next: Json = { ...endpoint };
  const issues: MigrationIssue[] = [];
  for (const field of POINTER_FIELDS) {
    const key = `${field}Pointer`;
    const pointer = next[key];
    if (pointer === undefined) continue;
    if (typeof pointer !== 'string' || !JSON_POINTER.test(pointer)) {
      issues.push({ path: [...at, key], message: carry('valid.pointer') });
    } else if (next[field] !== undefined) {
      issues.push({ path: [...at, key], message: carry('valid.expressionOrPointer', { field }) });
    } else {
      next[field] = pointerToExpression(pointer);
      delete next[key];
    }
  }
  return { endpoint: next, issues };
}

/**
 * Reads any config version this one knows as the current one, before the schema checks it: version 1's JSON
 * pointers become expressions (the version 2 schema has no pointers, and no code reads them). Anything else,
 * including a version from the future, passes through for the schema to name.
 */
export function migrateConfig(json: unknown): { config: unknown; issues: MigrationIssue[] } {
  if (!isObject(json) || json.version !== 1) return { config: json, issues: [] };
  const issues: MigrationIssue[] = [];
  const migrateList = (list: unknown, name: string) =>
    Array.isArray(list)
      ? list.map((item, index) => {
          if (!isObject(item) || item.custom === undefined) return item;
          const moved = migrateEndpoint(item.custom, [name, index, 'custom']);
          issues.push(...moved.issues);
          return { ...item, custom: moved.endpoint };
        })
      : list;
  const config: Json = { ...json, version: CONFIG_VERSION, accounts: migrateList(json.accounts, 'accounts') };
  if (json.presets !== undefined) config.presets = migrateList(json.presets, 'presets');
  return { config, issues };
}
