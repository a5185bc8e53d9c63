import { z } from './zod';

export const AlertKind = z.enum(['low', 'quota', 'runway', 'empty', 'key_rejected', 'recovered', 'summary']);
export type AlertKind = z.infer<typeof AlertKind>;

export const Severity = z.enum(['info', 'warning', 'critical']);
export type Severity = z.infer<typeof Severity>;

/** What the core decided a person must be told; the shell turns it into a notification, the CLI into a line. */
export const AlertIntent = z.object({
  /** null only for the quiet-hours summary, which spans accounts. */
  accountId: z.nullable(z.string()),
  kind: AlertKind,
  severity: Severity,
  title: z.string(),
  body: z.string(),
});
export type AlertIntent = z.infer<typeof AlertIntent>;
