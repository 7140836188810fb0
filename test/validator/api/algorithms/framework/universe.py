from AlgorithmImports import *


class LiquidValueUniverse(FundamentalUniverseSelectionModel):
    """The 20 most liquid US stocks with a positive P/E, cheapest first."""

    def __init__(self, universe_settings: UniverseSettings) -> None:
        super().__init__(self.select, universe_settings)

    def select(self, algorithm: QCAlgorithm, fundamental: list[Fundamental]) -> list[Symbol]:
        liquid = sorted(
            [f for f in fundamental if f.has_fundamental_data and f.price > 5],
            key=lambda f: f.dollar_volume,
            reverse=True,
        )[:200]
        valued = [f for f in liquid if f.valuation_ratios.pe_ratio > 0]
        cheapest = sorted(valued, key=lambda f: f.valuation_ratios.pe_ratio)[:20]
        algorithm.debug(f"{algorithm.time}: {len(cheapest)} stocks selected")
        return [f.symbol for f in cheapest]
