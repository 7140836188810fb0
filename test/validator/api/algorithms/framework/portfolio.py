from AlgorithmImports import *


class InverseVolatilityPortfolio(PortfolioConstructionModel):
    """Weights each active insight's security by the inverse of its 20-day standard deviation."""

    def __init__(self) -> None:
        super().__init__()
        self.rebalance_time = datetime.min

    def create_targets(self, algorithm: QCAlgorithm, insights: list[Insight]) -> list[PortfolioTarget]:
        if algorithm.time < self.rebalance_time:
            return []
        self.rebalance_time = algorithm.time + timedelta(days=7)
        active = [insight for insight in insights if insight.is_active(algorithm.utc_time)]
        if not active:
            return []
        symbols = [insight.symbol for insight in active]
        history = algorithm.history(symbols, 21, Resolution.DAILY)
        weights = {}
        for insight in active:
            if insight.symbol not in history.index.get_level_values(0):
                continue
            volatility = history.loc[insight.symbol]["close"].pct_change().std()
            if volatility > 0:
                weights[insight.symbol] = insight.direction / volatility
        total = sum(abs(weight) for weight in weights.values())
        return [PortfolioTarget.percent(algorithm, symbol, weight / total) for symbol, weight in weights.items()]

    def on_securities_changed(self, algorithm: QCAlgorithm, changes: SecurityChanges) -> None:
        self.rebalance_time = algorithm.time
