import { CustomEndpoint } from './custom-endpoint';
import { says } from './issue-message';
import { z } from './zod';

/**
 * A custom account shared as a file: its endpoint and expressions, never a key (keys live in the keychain and a
 * query-parameter key is added only when a request is sent). Someone else's file is validated like any config, and
 * is saved only once the person has named the host it sends their key to.
 */
export const PresetFile = z.strictObject({
  creditbarPreset: z.literal(1),
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, says('valid.id'))),
  name: z
    .string()
    .check(z.minLength(1), z.maxLength(80), z.regex(/^[^\p{Cc}\p{Cf}]*$/u, says('valid.noControl'))),
  docsUrl: z.optional(z.url({ protocol: /^https$/ })),
  custom: CustomEndpoint,
});
export type PresetFile = z.infer<typeof PresetFile>;

/** The host a preset sends the key to: what a person must see, and name, before it is saved. */
export function presetHost(preset: PresetFile): string {
  return new URL(preset.custom.url).host;
}
