/**
 * A quota's levels when the person set none. Apart from the config schema so the popover's overview, which draws
 * them, does not load zod.
 */
export const DEFAULT_WARN_PERCENT = 80;
export const DEFAULT_CRITICAL_PERCENT = 95;
