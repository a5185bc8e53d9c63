import type { CustomEndpointInput } from '../custom-endpoint';
import type { MessageKey } from '../i18n/catalog';

/**
 * A provider as data: everything the config schema, the add/edit form, the CLI's flags and help, and the README's
 * provider table need to know. Adding a provider is one descriptor here, one adapter, one fixture folder and one
 * fake (see the README's development section).
 */

/**
 * Where a field's value lives in an account: a top-level field, one of the custom endpoint's, or one of a preset's
 * parameters (Twilio's Account SID).
 */
export type AccountFieldPath =
  | 'baseUrl'
  | 'userId'
  | `custom.${keyof CustomEndpointInput}`
  | `params.${string}`;

/** A field a person fills in besides the name and the key; never a secret (the key is the credential). */
export interface FieldSpec {
  path: AccountFieldPath;
  /** Catalog keys, so the form speaks the person's language; `help` may use `{url}`, the default host. */
  label: MessageKey;
  /** `headers` is one `Name: value` per line; `expression` is JSONata; `lines` is free text over several lines. */
  kind: 'url' | 'text' | 'choice' | 'number' | 'headers' | 'expression' | 'lines';
  choices?: readonly string[];
  /** A pattern the value must match (a preset parameter's shape), with the words that say what it should be. */
  pattern?: { regex: string; message: MessageKey };
  required: boolean;
  help: MessageKey;
  /** The value a new account starts with in the form (the schema applies the same default). */
  initial?: string;
  /** The CLI flag that sets it, e.g. `base-url` for `--base-url`. */
  flag: string;
  /** Empty text is a value here, not "left out" (an empty scheme sends the bare key). */
  emptyIsAValue?: boolean;
}

/** What proves the account is the person's: an API key kept in the keychain, or nothing (a simulation). */
export type Credential = { kind: 'api-key'; label: MessageKey; help: MessageKey } | { kind: 'none' };

export interface ProviderDescriptor<Id extends string = string> {
  id: Id;
  displayName: string;
  /** Host used when the account gives no `baseUrl`; null when the provider publishes none. */
  defaultBaseUrl: string | null;
  credential: Credential;
  fields: readonly FieldSpec[];
  /**
   * The longest wait between checks when the person sets none (`pollSeconds` is theirs): the scheduler checks
   * sooner when a level could be reached (see main/core/monitor/poll-policy.ts).
   */
  defaultPollSeconds: number;
  /** The shortest wait between checks, however near a level (a report that changes daily); none when not given. */
  minPollSeconds?: number;
  /** Where a person buys credit or sees the balance: the link an alert sent elsewhere carries back. */
  billingUrl?: string;
  /** The provider's own documentation of the endpoint Creditbar reads. */
  docsUrl: string | null;
  /** One line for the README's provider table: what Creditbar reads there. */
  reads: string;
  /** Whether the add form lists it (the demo is offered by the empty state instead). */
  inAddForm: boolean;
  /** A tag shown beside the account's name, for accounts that are not real ones: a catalog key. */
  tag: MessageKey | null;
  /** An account the empty state adds with one click, to try Creditbar without a key; its name a catalog key. */
  sample: { id: string; label: MessageKey } | null;
  /**
   * The provider reports what was spent, not what is left: its accounts keep a ledger of stated balances and
   * top-ups, and show an estimated balance (shared/ledger.ts).
   */
  ledger?: boolean;
  /** A preset: the custom JSON engine asking this provider's documented endpoint, as data. */
  preset?: PresetSpec;
}

/**
 * A preset's request and reading, written from the vendor's documentation. The URL is the account's base URL (or the
 * host chosen by the key's form, or the default host) joined with `path`; `{name}` in the path or the Basic user
 * takes the account's parameter of that name, and each parameter is also the expression variable `$name`.
 */
export interface PresetSpec {
  path: string;
  endpoint: Omit<CustomEndpointInput, 'url'>;
  /** Hosts that keys of a given form belong to (DeepL's free keys end in `:fx`), tried before the default. */
  keyHosts?: readonly { keySuffix: string; baseUrl: string }[];
}

export const API_KEY = {
  kind: 'api-key',
  label: 'credential.apiKey',
  help: 'credential.help',
} as const satisfies Credential;

/** The base URL field: optional where the provider publishes a host, required where it does not. */
export function baseUrlField(defaultBaseUrl: string | null): FieldSpec {
  return {
    path: 'baseUrl',
    label: defaultBaseUrl ? 'field.baseUrl.optional' : 'field.baseUrl.required',
    kind: 'url',
    required: defaultBaseUrl === null,
    help: defaultBaseUrl ? 'field.baseUrl.helpDefault' : 'field.baseUrl.helpRequired',
    flag: 'base-url',
  };
}
