/**
 * QuantConnect reports statistics as strings ("12.500%", "$3.44", "1,234"). Numbers are parsed by
 * stripping %, $ and commas; values that are not numbers (Lowest Capacity Asset) stay strings.
 */
export function parseStatistics(raw: Readonly<Record<string, string>>): Record<string, number | string> {
  const parsed: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const cleaned = value.replace(/[%$,\s]/g, '');
    const number = cleaned === '' ? Number.NaN : Number(cleaned);
    parsed[key] = Number.isFinite(number) ? number : value;
  }
  return parsed;
}

/** The number of orders a backtest placed, from its parsed statistics. */
export function totalOrders(statistics: Readonly<Record<string, number | string>>): number {
  const value = statistics['Total Orders'] ?? statistics['Total Trades'];
  return typeof value === 'number' ? value : 0;
}
