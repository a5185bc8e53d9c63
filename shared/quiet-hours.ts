import { says } from './issue-message';
import { z } from './zod';

const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, says('valid.time')));

/** Local times; a window may cross midnight (22:00 to 07:00). The app's, or an alert channel's own. */
export const QuietHours = z.strictObject({ start: ClockTime, end: ClockTime });
export type QuietHours = z.infer<typeof QuietHours>;
