import { describe, expect, it } from 'vitest';
import { parseStatistics, totalOrders } from '../../functions/quantconnect/statistics.js';

describe('parseStatistics', () => {
  it('turns QuantConnect strings into numbers and keeps non-numbers as text', () => {
    // Act
    const parsed = parseStatistics({
      Drawdown: '12.500%',
      'Total Fees': '$3.44',
      'Estimated Strategy Capacity': '$56,000,000.00',
      'Sharpe Ratio': '-0.123',
      'Total Orders': '17',
      'Lowest Capacity Asset': 'SPY R735QTJ8XC9X',
      Empty: '',
    });
    // Assess
    expect(parsed).toEqual({
      Drawdown: 12.5,
      'Total Fees': 3.44,
      'Estimated Strategy Capacity': 56_000_000,
      'Sharpe Ratio': -0.123,
      'Total Orders': 17,
      'Lowest Capacity Asset': 'SPY R735QTJ8XC9X',
      Empty: '',
    });
    expect(totalOrders(parsed)).toBe(17);
    expect(totalOrders({})).toBe(0);
  });
});
