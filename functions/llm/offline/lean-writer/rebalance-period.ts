import type { PythonBlock } from './python-source.js';

/** Name of the module-level helper both universe.py and alpha.py define. */
export const REBALANCE_PERIOD_FUNCTION = '_rebalance_period';

/**
 * A module-level Python function naming the rebalance period a time falls in. Models compare it with the
 * last period they acted in, so a cadence works whatever day the data starts and across holidays.
 */
export function rebalancePeriodFunction(): PythonBlock {
  return [
    `def ${REBALANCE_PERIOD_FUNCTION}(time: datetime, rebalance: str) -> tuple[int, ...]:`,
    [
      '"""Identifies the daily, weekly (ISO week) or monthly period that `time` falls in."""',
      'if rebalance == "monthly":',
      ['return (time.year, time.month)'],
      'if rebalance == "weekly":',
      ['year, week, _ = time.isocalendar()', 'return (year, week)'],
      'return (time.year, time.month, time.day)',
    ],
  ];
}
