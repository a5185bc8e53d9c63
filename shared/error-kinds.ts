import type { MessageKey } from './i18n/catalog';
import type { ErrorKind } from './model';

/** What one kind of error means to the scheduler, the levels, the counters and the words shown for it. */
export interface ErrorKindTraits {
  /** A retry cannot fix it: polling that account stops until its key or config changes. */
  stopsPolling: boolean;
  /** It does not pass by itself (the key, its rights, the account or its settings must change): a value shown beside it is not current. */
  lasting: boolean;
  /** The poll ended before any request left (no key to send): it does not count as a request to the provider. */
  sendsNothing: boolean;
  /** Said as it is when adding an account fails, not as "the test fetch failed": it is not the provider's answer. */
  local: boolean;
  /** Its short name: the CLI's table, the tray's tooltip. */
  label: MessageKey;
  /** The popover's status line; `{from}` (the time of the value shown) where the line has it. */
  status: MessageKey;
}

/** Every error kind's traits, in one place: each rule that depends on the kind reads it here. */
export const ERROR_KINDS: { readonly [K in ErrorKind]: ErrorKindTraits } = {
  auth: {
    stopsPolling: true,
    lasting: true,
    sendsNothing: false,
    local: false,
    label: 'kind.auth',
    status: 'status.auth',
  },
  forbidden: {
    stopsPolling: true,
    lasting: true,
    sendsNothing: false,
    local: false,
    label: 'kind.forbidden',
    status: 'status.forbidden',
  },
  payment: {
    stopsPolling: false,
    lasting: false,
    sendsNothing: false,
    local: false,
    label: 'kind.payment',
    status: 'status.payment',
  },
  not_found: {
    stopsPolling: false,
    lasting: true,
    sendsNothing: false,
    local: false,
    label: 'kind.not_found',
    status: 'status.config',
  },
  rate_limited: {
    stopsPolling: false,
    lasting: false,
    sendsNothing: false,
    local: false,
    label: 'kind.rate_limited',
    status: 'status.rateLimited',
  },
  timeout: {
    stopsPolling: false,
    lasting: false,
    sendsNothing: false,
    local: false,
    label: 'kind.timeout',
    status: 'status.offline',
  },
  network: {
    stopsPolling: false,
    lasting: false,
    sendsNothing: false,
    local: false,
    label: 'kind.network',
    status: 'status.offline',
  },
  server: {
    stopsPolling: false,
    lasting: false,
    sendsNothing: false,
    local: false,
    label: 'kind.server',
    status: 'status.provider',
  },
  bad_response: {
    stopsPolling: false,
    lasting: false,
    sendsNothing: false,
    local: false,
    label: 'kind.bad_response',
    status: 'status.provider',
  },
  config: {
    stopsPolling: true,
    lasting: true,
    sendsNothing: false,
    local: true,
    label: 'kind.config',
    status: 'status.config',
  },
  no_credentials: {
    stopsPolling: true,
    lasting: true,
    sendsNothing: true,
    local: true,
    label: 'kind.no_credentials',
    status: 'status.noCredentials',
  },
  keychain_unavailable: {
    stopsPolling: false,
    lasting: true,
    sendsNothing: true,
    local: true,
    label: 'kind.keychain_unavailable',
    status: 'status.keychain',
  },
};
