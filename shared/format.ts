const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Whole numbers from 100 up, two decimals below: "1,840", "35", "4.3", "-4". */
export function formatAmount(value: number): string {
  return Math.abs(value) >= 100 ? integer.format(value) : decimal.format(value);
}
