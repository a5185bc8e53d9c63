import type { Account } from '../../shared/config';
import type { ProviderId } from '../../shared/providers';
import { type FakeReply, FakeServer, type RecordedRequest } from './fake-server';

/**
 * Loopback stand-ins for each provider, written from its document: the auth header it demands, its paths and
 * methods, its paging, and its own error shape. `balance` is live state a test can change between polls.
 */
export interface FakeProvider {
  provider: ProviderId;
  server: FakeServer;
  key: string;
  balance: number;
  /** The account a config would hold for this fake (baseUrl pointing at it). */
  account(id?: string): Account;
  /** The provider's own error body for a status, so messages can be checked against it. */
  errorReply(status: number, detail: string, headers?: Record<string, string>): FakeReply;
  close(): Promise<void>;
}

export type Spec = Omit<FakeProvider, 'server' | 'close' | 'account'> & {
  handle(request: RecordedRequest, self: FakeProvider): FakeReply;
  accountFields(url: string): Partial<Account>;
};

export async function startFake(spec: Spec): Promise<FakeProvider> {
  let self: FakeProvider | undefined;
  const server = await FakeServer.start((request) => spec.handle(request, self as FakeProvider));
  const fake: FakeProvider = {
    ...spec,
    server,
    account: (id = spec.provider) => ({
      id,
      provider: spec.provider,
      label: `${spec.provider} test`,
      ...spec.accountFields(server.url),
    }),
    close: () => server.close(),
  };
  // Handlers read live state (balance) from the object tests hold, not from the spec copy.
  self = fake;
  return fake;
}

export const notFound = (errorReply: FakeProvider['errorReply']) => errorReply(404, 'Not found.');
