import type { Statistics } from '../../pipeline/run-state.js';

type Unit = 'percent' | 'ratio' | 'count' | 'dollars';

/** The summary's eight statistics: the label a reader sees, QuantConnect's key, and how the parsed number reads. */
export const SUMMARY_STATISTICS: ReadonlyArray<{ label: string; key: string; unit: Unit }> = [
  { label: 'Net Profit', key: 'Net Profit', unit: 'percent' },
  { label: 'CAGR', key: 'Compounding Annual Return', unit: 'percent' },
  { label: 'Sharpe', key: 'Sharpe Ratio', unit: 'ratio' },
  { label: 'Sortino', key: 'Sortino Ratio', unit: 'ratio' },
  { label: 'Max Drawdown', key: 'Drawdown', unit: 'percent' },
  { label: 'Win Rate', key: 'Win Rate', unit: 'percent' },
  { label: 'Total Orders', key: 'Total Orders', unit: 'count' },
  { label: 'Fees', key: 'Total Fees', unit: 'dollars' },
];

const grouped = (value: number, decimals: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/**
 * One statistic as text. Parsed statistics hold numbers without their unit ("12.5" for "12.5%", "3.44" for
 * "$3.44"), so the unit comes back here; a value QuantConnect gave as text is shown as it came.
 */
export function formatStatistic(value: number | string | undefined, unit: Unit): string {
  if (value === undefined) return 'n/a';
  if (typeof value === 'string') return value;
  switch (unit) {
    case 'percent':
      return `${grouped(value, 2)}%`;
    case 'ratio':
      return grouped(value, 2);
    case 'count':
      return grouped(value, 0);
    case 'dollars':
      return `${value < 0 ? '-' : ''}$${grouped(Math.abs(value), 2)}`;
  }
}

/** The eight summary statistics as mrkdwn fields: "*Net Profit*\n12.50%". */
export function statisticsFields(statistics: Statistics, totalOrders?: number): string[] {
  return SUMMARY_STATISTICS.map(({ label, key, unit }) => {
    const value = key === 'Total Orders' && totalOrders !== undefined ? totalOrders : statistics[key];
    return `*${label}*\n${formatStatistic(value, unit)}`;
  });
}
