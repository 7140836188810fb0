# region imports
from AlgorithmImports import *
# endregion


class ClassicPascalAlgorithm(QCAlgorithm):
    """Moving-average crossover on SPY and QQQ written against the PascalCase (C#-named) API."""

    def Initialize(self):
        self.SetStartDate(2018, 1, 1)
        self.SetEndDate(2020, 12, 31)
        self.SetCash(100000)
        self.SetBrokerageModel(BrokerageName.InteractiveBrokersBrokerage, AccountType.Margin)
        self.SetBenchmark("SPY")
        self.UniverseSettings.Resolution = Resolution.Daily
        self.symbols = []
        self.fast = {}
        self.slow = {}
        for ticker in ["SPY", "QQQ"]:
            equity = self.AddEquity(ticker, Resolution.Daily)
            equity.SetDataNormalizationMode(DataNormalizationMode.Adjusted)
            symbol = equity.Symbol
            self.symbols.append(symbol)
            self.fast[symbol] = self.EMA(symbol, 12, Resolution.Daily)
            self.slow[symbol] = self.SMA(symbol, 26, Resolution.Daily)
        self.atr = self.ATR(self.symbols[0], 14, MovingAverageType.Simple, Resolution.Daily)
        self.window = RollingWindow[TradeBar](5)
        self.SetWarmUp(30, Resolution.Daily)
        self.Schedule.On(
            self.DateRules.EveryDay(self.symbols[0]),
            self.TimeRules.AfterMarketOpen(self.symbols[0], 30),
            self.Rebalance,
        )
        self.Schedule.On(self.DateRules.MonthStart("SPY"), self.TimeRules.At(10, 0), self.Report)

    def OnData(self, data):
        if self.IsWarmingUp:
            return
        bar = data.Bars.get(self.symbols[0])
        if bar is not None:
            self.window.Add(bar)
        if self.window.IsReady and self.window[0].Close > self.window[4].Close:
            self.Log(f"{self.Time}: five-day rise, close {self.window[0].Close}")

    def Rebalance(self):
        for symbol in self.symbols:
            if not (self.fast[symbol].IsReady and self.slow[symbol].IsReady):
                continue
            holding = self.Portfolio[symbol]
            if self.fast[symbol].Current.Value > self.slow[symbol].Current.Value and not holding.Invested:
                self.SetHoldings(symbol, 0.5)
            elif self.fast[symbol].Current.Value < self.slow[symbol].Current.Value and holding.Invested:
                self.Liquidate(symbol, "crossed below")
        if self.atr.IsReady:
            self.Plot("Volatility", "ATR", self.atr.Current.Value)

    def Report(self):
        history = self.History(self.symbols, 20, Resolution.Daily)
        if not history.empty:
            self.Debug(f"mean close {history['close'].mean():.2f}")
        self.Debug(f"value {self.Portfolio.TotalPortfolioValue} cash {self.Portfolio.Cash}")

    def OnOrderEvent(self, orderEvent):
        if orderEvent.Status == OrderStatus.Filled:
            self.Log(f"filled {orderEvent.Symbol} {orderEvent.FillQuantity} @ {orderEvent.FillPrice}")

    def OnEndOfAlgorithm(self):
        self.Log(f"final value {self.Portfolio.TotalPortfolioValue}")
