/** The statistics a person reads first, in this order; the rest follow. */
const HEADLINE = [
  'Net Profit',
  'Compounding Annual Return',
  'Sharpe Ratio',
  'Sortino Ratio',
  'Drawdown',
  'Total Orders',
  'Win Rate',
  'Profit-Loss Ratio',
  'Alpha',
  'Beta',
  'Total Fees',
  'Start Equity',
  'End Equity',
];

/** `  Net Profit  12.5%` lines, values as QuantConnect wrote them, headline statistics first. */
export function statisticsLines(raw: Readonly<Record<string, string>>): string[] {
  const keys = [
    ...HEADLINE.filter((key) => key in raw),
    ...Object.keys(raw).filter((key) => !HEADLINE.includes(key)),
  ];
  const width = Math.max(0, ...keys.map((key) => key.length));
  return keys.map((key) => `  ${key.padEnd(width)}  ${raw[key]}`);
}
