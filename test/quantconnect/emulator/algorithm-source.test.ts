import { describe, expect, it } from 'vitest';
import {
  namedTickers,
  placesOrders,
  readAlgorithmSettings,
} from '../../../functions/quantconnect/emulator/algorithm-source.js';

const NOW = new Date('2025-06-02T15:00:00Z');

describe('readAlgorithmSettings', () => {
  it('reads PEP8 and PascalCase dates and cash, with datetime and underscores', () => {
    // Act
    const pep8 = readAlgorithmSettings(
      'self.set_start_date(2019, 3, 4)\nself.set_end_date(datetime(2021, 12, 31))\nself.set_cash(250_000)\n',
      NOW,
    );
    const pascal = readAlgorithmSettings(
      'self.SetStartDate(2010,1,5)\nself.SetEndDate(2011,2,3)\nself.SetCash(1e5)',
      NOW,
    );

    // Assess
    expect(pep8).toEqual({
      startDate: new Date('2019-03-04T00:00:00Z'),
      endDate: new Date('2021-12-31T00:00:00Z'),
      cash: 250_000,
    });
    expect(pascal).toEqual({
      startDate: new Date('2010-01-05T00:00:00Z'),
      endDate: new Date('2011-02-03T00:00:00Z'),
      cash: 100_000,
    });
  });

  it("falls back to LEAN's defaults for what is missing, commented out or impossible", () => {
    // Act
    const settings = readAlgorithmSettings(
      '# self.set_start_date(2001, 1, 1)\nself.set_end_date(2020, 2, 31)\nself.set_cash(self.get_parameter("cash"))',
      NOW,
    );

    // Assess
    expect(settings).toEqual({
      startDate: new Date('1998-01-01T00:00:00Z'),
      endDate: new Date('2025-06-01T00:00:00Z'),
      cash: 100_000,
    });
  });

  it('never ends before it starts', () => {
    // Act
    const settings = readAlgorithmSettings(
      'self.set_start_date(2022, 1, 1)\nself.set_end_date(2021, 1, 1)',
      NOW,
    );

    // Assess
    expect(settings.endDate).toEqual(settings.startDate);
  });
});

describe('placesOrders', () => {
  it.each([
    'return [Insight.price("SPY", timedelta(1), InsightDirection.UP)]',
    'return [Insight.Price("SPY", timedelta(1), InsightDirection.Up)]',
    'insight = Insight(symbol, timedelta(1), InsightType.PRICE, InsightDirection.UP)',
    'self.set_holdings("SPY", 0.5)',
    'self.SetHoldings("SPY", 0.5)',
    'self.market_order("SPY", 10)',
    'self.limit_order("SPY", 10, 400.0)',
  ])('sees trading in %s', (line) => {
    // Act
    const trades = placesOrders([{ name: 'main.py', content: `def f(self):\n    ${line}\n` }]);

    // Assess
    expect(trades).toBe(true);
  });

  it('sees no trading in code without order calls or with them only in comments', () => {
    // Act
    const trades = placesOrders([
      { name: 'main.py', content: 'self.add_equity("SPY")\n    # self.set_holdings("SPY", 1)\n' },
      { name: 'universe.py', content: 'class TopUniverse(FundamentalUniverseSelectionModel):\n    pass\n' },
      {
        name: 'risk.py',
        content: 'def manage_risk(self, algorithm, targets):\n    return [PortfolioTarget(symbol, 0)]\n',
      },
    ]);

    // Assess
    expect(trades).toBe(false);
  });
});

describe('namedTickers', () => {
  it('lists tickers added by name, once each, in order', () => {
    // Act
    const tickers = namedTickers([
      { name: 'main.py', content: 'self.add_equity("QQQ")\nself.AddEquity(\'SPY\', Resolution.Daily)' },
      { name: 'alpha.py', content: 'Symbol.create("QQQ", SecurityType.EQUITY, Market.USA)' },
    ]);

    // Assess
    expect(tickers).toEqual(['QQQ', 'SPY']);
  });
});
