/**
 * What every agent must know about QuantConnect LEAN Python projects. Member names were checked against
 * LEAN's Python API catalog (snake_case bindings, UPPER_SNAKE enum members); keep them in step with it.
 * It is the first, stable part of every request, so vendors can cache it.
 */
export const LEAN_CONVENTIONS = `# QuantConnect LEAN project conventions (Python, PEP8 API)

## Files
- main.py (lower case) holds the one QCAlgorithm subclass; LEAN calls its initialize(self). Every other .py file is a module main.py imports by name: \`from alpha import MomentumAlphaModel\`.
- Each file starts with \`from AlgorithmImports import *\` (the LEAN API plus datetime, timedelta, np, pd). Import project classes explicitly by name, never with *.
- No __init__.py, requirements.txt or other files; no file or network I/O; no packages beyond LEAN, numpy and pandas.

## Names (LEAN is bound in snake_case; do not mix styles)
- Methods and properties are snake_case: self.set_start_date(2019, 1, 1), self.set_end_date(2023, 12, 31), self.set_cash(100000), self.set_benchmark("SPY"), self.add_equity("SPY", Resolution.DAILY).symbol, self.universe_settings.resolution = Resolution.DAILY, self.set_warm_up(60, Resolution.DAILY), self.portfolio[symbol].invested, self.securities[symbol].price, self.time, self.is_warming_up, self.debug(text).
- Enum members and constants are UPPER_SNAKE: Resolution.DAILY, InsightDirection.UP / DOWN / FLAT, SecurityType.EQUITY, Market.USA, MovingAverageType.WILDERS, PortfolioBias.LONG / LONG_SHORT, MorningstarSectorCode.TECHNOLOGY, Expiry.END_OF_DAY / END_OF_WEEK / END_OF_MONTH, Universe.UNCHANGED. Never Resolution.daily.
- Indicators come from helpers on the algorithm (inside a model: algorithm.sma(...)): sma(symbol, period, Resolution.DAILY), ema, rsi(symbol, period, MovingAverageType.WILDERS, Resolution.DAILY), roc, momp, std, max, min, bb(symbol, period, k) with .upper_band/.middle_band/.lower_band, dch(symbol, upper_period, lower_period) with .upper_band/.lower_band. Read .is_ready and .current.value. Warm them with algorithm.warm_up_indicator(symbol, indicator, Resolution.DAILY).
- Never assign over a helper (self.rsi = ..., self.sma = ...); keep indicators under other names such as self.rsi_by_symbol.

## Framework models (main.py wires them in initialize)
- self.set_universe_selection(universe), self.add_alpha(alpha), self.set_portfolio_construction(portfolio), self.add_risk_management(risk), self.set_execution(ImmediateExecutionModel()).
- A model subclass calls super().__init__() in its __init__ and overrides hooks with exactly these signatures:
  - class U(ManualUniverseSelectionModel): __init__ builds [Symbol.create(ticker, SecurityType.EQUITY, Market.USA) for ticker in tickers] and calls super().__init__(symbols).
  - class U(FundamentalUniverseSelectionModel): def select(self, algorithm, fundamental) -> list of Symbol. Each f has f.symbol, f.price, f.dollar_volume, f.has_fundamental_data, f.market_cap, f.asset_classification.morningstar_sector_code. Between rebalances return Universe.UNCHANGED.
  - class A(AlphaModel): def update(self, algorithm, data) -> list of Insight; def on_securities_changed(self, algorithm, changes) with changes.added_securities / changes.removed_securities (Security objects; use .symbol). Emit Insight.price(symbol, timedelta(days=n), InsightDirection.UP), or Expiry.END_OF_MONTH in place of the timedelta.
  - class P(PortfolioConstructionModel): def create_targets(self, algorithm, insights) -> list of PortfolioTarget; PortfolioTarget.percent(algorithm, symbol, weight) may return None: skip it. Built-ins: EqualWeightingPortfolioConstructionModel(rebalance, portfolio_bias) and InsightWeightingPortfolioConstructionModel(rebalance, portfolio_bias), where rebalance is Resolution.DAILY, Expiry.END_OF_WEEK or Expiry.END_OF_MONTH.
  - class R(RiskManagementModel): def manage_risk(self, algorithm, targets) -> list of PortfolioTarget; exit a position with PortfolioTarget(symbol, 0); read algorithm.portfolio[symbol].invested / .is_long / .unrealized_profit_percent, algorithm.securities[symbol].price, algorithm.portfolio.total_portfolio_value.
- Hooks return [] rather than None. Keep per-symbol state in dicts keyed by Symbol and drop it when a security is removed.
- Rebalance words: daily = Resolution.DAILY for a portfolio model, Expiry.END_OF_DAY for an insight; weekly = Expiry.END_OF_WEEK; monthly = Expiry.END_OF_MONTH.`;
