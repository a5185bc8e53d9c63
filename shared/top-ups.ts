/**
 * Top-ups of a prepaid balance, told from its readings: a balance that rose between two readings took in more
 * credit than it used in between (a purchase, an auto-reload, a refund). What it took in is the rise plus what
 * the provider reported used in between, when it reports that. Written once: the chart's marks, the detail's list,
 * the tray's "percent left since the last top-up" and the quota-style bar all read it here.
 */
export interface Reading {
  t: number;
  remaining: number | null;
}

export interface TopUp {
  /** The reading that showed it. */
  t: number;
  /** Credit taken in: the rise, plus the usage reported in between. */
  amount: number;
  /** The balance just after it: the full mark of the "percent left since the last top-up" meter. */
  after: number;
}

/** Every top-up the readings show, oldest first; a gap (a reading with no balance) hides none and makes none. */
export function detectTopUps(
  points: readonly Reading[],
  usage: readonly { t: number; used: number }[] = [],
): TopUp[] {
  const found: TopUp[] = [];
  let last: { t: number; remaining: number } | null = null;
  for (const point of points) {
    if (point.remaining === null) continue;
    if (last && point.remaining > last.remaining) {
      const previous = last;
      const used = usage
        .filter((u) => u.t > previous.t && u.t <= point.t)
        .reduce((total, u) => total + Math.max(0, u.used), 0);
      found.push({ t: point.t, amount: point.remaining - previous.remaining + used, after: point.remaining });
    }
    last = { t: point.t, remaining: point.remaining };
  }
  return found;
}

/**
 * What is left of the balance the last top-up brought, in percent: a prepaid account's meter. 100 when the
 * balance is back above that mark (a top-up the readings missed), null with no top-up to measure from.
 */
export function percentLeftSince(
  remaining: number | null,
  lastTopUp: { after: number } | null,
): number | null {
  if (remaining === null || !lastTopUp || lastTopUp.after <= 0) return null;
  return Math.min(100, Math.max(0, (remaining / lastTopUp.after) * 100));
}
