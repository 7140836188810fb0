from AlgorithmImports import *


class SymbolData:
    """The indicators the alpha keeps for one security."""

    def __init__(self, algorithm: QCAlgorithm, symbol: Symbol, lookback: int) -> None:
        self.symbol = symbol
        self.roc = algorithm.roc(symbol, lookback, Resolution.DAILY)
        self.sma = SimpleMovingAverage(lookback)
        algorithm.register_indicator(symbol, self.sma, Resolution.DAILY)
        history = algorithm.history[TradeBar](symbol, lookback, Resolution.DAILY)
        for bar in history:
            self.sma.update(bar.end_time, bar.close)


class TrendAlphaModel(AlphaModel):
    """Up when the rate of change is positive and price is above its average, down when both are negative."""

    def __init__(self, lookback: int = 20) -> None:
        super().__init__()
        self.lookback = lookback
        self.name = f"TrendAlphaModel({lookback})"
        self._data: dict[Symbol, SymbolData] = {}

    def update(self, algorithm: QCAlgorithm, data: Slice) -> list[Insight]:
        insights = []
        for symbol, symbol_data in self._data.items():
            if not (symbol_data.roc.is_ready and symbol_data.sma.is_ready) or not data.contains_key(symbol):
                continue
            price = algorithm.securities[symbol].price
            period = timedelta(days=self.lookback)
            if symbol_data.roc.current.value > 0 and price > symbol_data.sma.current.value:
                insights.append(Insight.price(symbol, period, InsightDirection.UP, magnitude=0.02, confidence=0.6))
            elif symbol_data.roc.current.value < 0 and price < symbol_data.sma.current.value:
                insights.append(Insight.price(symbol, period, InsightDirection.DOWN))
        return insights

    def on_securities_changed(self, algorithm: QCAlgorithm, changes: SecurityChanges) -> None:
        for security in changes.added_securities:
            self._data[security.symbol] = SymbolData(algorithm, security.symbol, self.lookback)
        for security in changes.removed_securities:
            symbol_data = self._data.pop(security.symbol, None)
            if symbol_data is not None:
                algorithm.deregister_indicator(symbol_data.sma)
