import { PROVIDERS, type PresetId, type ProviderId } from '../../shared/providers';
import { type FakeReply, fixture, type RecordedRequest } from './fake-server';
import type { Doc } from './preset-fake-kit';
import { PRESET_FAKES } from './preset-fake-list';
import { type FakeProvider, notFound, startFake } from './start-fake';

/**
 * Loopback stand-ins for the presets, each written from its vendor's documentation: the path (with the account's
 * parameters in it), where the vendor takes the key (a header with its scheme, HTTP Basic, or a query parameter),
 * the vendor's documented example answer (test/fixtures/<preset>/), and how the balance shows in it.
 */
export interface PresetFake {
  key: string;
  /** The documented example, as the fake serves it. */
  fixture: string;
  params?: Record<string, string>;
  /** The vendor's documented remaining value in the example, and how a new one is written into it. */
  balance: number;
  withBalance(document: Record<string, unknown>, balance: number): Record<string, unknown>;
  /** The vendor's way of taking the key, as its documentation gives it. */
  accepts(request: RecordedRequest, key: string): boolean;
  errorBody?: (detail: string) => unknown;
}

export type { PresetId };

const FAKES = PRESET_FAKES;

function startPreset(id: ProviderId, spec: PresetFake): Promise<FakeProvider> {
  const preset = PROVIDERS[id].preset;
  if (!preset) throw new Error(`${id} is not a preset`);
  const path = preset.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(spec.params?.[name] ?? ''),
  );
  const errorReply: FakeProvider['errorReply'] = (status, detail, headers) => ({
    status,
    headers,
    json: spec.errorBody ? spec.errorBody(detail) : { message: detail },
  });
  return startFake({
    provider: id,
    key: spec.key,
    balance: spec.balance,
    errorReply,
    accountFields: (url) => ({ baseUrl: url, ...(spec.params ? { params: spec.params } : {}) }),
    handle(request, self): FakeReply {
      if (!spec.accepts(request, self.key)) return errorReply(401, 'Invalid API key');
      if (request.method !== (preset.endpoint.method ?? 'GET') || request.path !== path) {
        return notFound(errorReply);
      }
      return { json: spec.withBalance(fixture<Doc>(id, spec.fixture), self.balance) };
    },
  });
}

export const PRESET_IDS = Object.keys(FAKES) as PresetId[];

/** The documented example a preset's fake serves, by file name under test/fixtures/<preset>/. */
export function presetFixture(id: PresetId): string {
  return FAKES[id].fixture;
}

/** The parameters a preset's fake expects the account to carry (Twilio's SID, DeepSeek's currency). */
export function presetParams(id: PresetId): Record<string, string> | undefined {
  return FAKES[id].params;
}

export const PRESET_STARTERS = Object.fromEntries(
  PRESET_IDS.map((id) => [id, () => startPreset(id, FAKES[id])]),
) as Record<PresetId, () => Promise<FakeProvider>>;
