import type { MessageKey } from '../../i18n/catalog';
import {
  API_KEY,
  baseUrlField,
  type FieldSpec,
  type PresetSpec,
  type ProviderDescriptor,
} from '../descriptor';

/** The parts of a preset that differ from one vendor to the next; the rest is the same for every preset. */
export interface PresetInput<Id extends string> {
  id: Id;
  /** Its place among the popular APIs the add form and `creditbar providers` list, lowest first (the generated index sorts by it). */
  listRank: number;
  displayName: string;
  host: string;
  docsUrl: string;
  reads: string;
  preset: PresetSpec;
  /** Fields besides the base URL: the preset's parameters (paths `params.<name>`). */
  params?: readonly FieldSpec[];
  keyHelp?: MessageKey;
}

/** A preset as a provider descriptor: an API key, an optional base URL override, and its parameters. */
export function definePreset<const Id extends string>(
  input: PresetInput<Id>,
): ProviderDescriptor<Id> & { preset: PresetSpec } {
  return {
    id: input.id,
    displayName: input.displayName,
    defaultBaseUrl: input.host,
    credential: input.keyHelp ? { ...API_KEY, help: input.keyHelp } : API_KEY,
    fields: [...(input.params ?? []), baseUrlField(input.host)],
    defaultPollSeconds: 7200,
    docsUrl: input.docsUrl,
    reads: input.reads,
    inAddForm: true,
    tag: null,
    sample: null,
    preset: input.preset,
  };
}
