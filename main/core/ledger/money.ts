import Big from 'big.js';

/**
 * Money as decimals (big.js): a vendor's costs arrive as many small amounts with many decimals ("0.895874",
 * Anthropic's "412.5031" cents), and a month of them summed in floats drifts from what the vendor's console shows.
 */
export type Decimal = Big;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** A number or a decimal string as a decimal; null for anything else (NaN, Infinity, "1,5", ""). */
export function decimalOf(value: number | string): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Big(value) : null;
  const text = value.trim();
  return DECIMAL_TEXT.test(text) ? new Big(text) : null;
}

export const ZERO: Decimal = new Big(0);

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

/** Plain decimal notation, never `1e-7`: what the ledger file and a cost day keep. */
export function decimalText(value: Decimal): string {
  return value.toFixed();
}

/** For display and levels: the estimate is shown to the cent, and a float holds that exactly enough. */
export function toNumber(value: Decimal): number {
  return value.toNumber();
}
