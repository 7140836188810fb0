# region imports
from AlgorithmImports import *

from alpha import TrendAlphaModel
from execution import PatientExecutionModel
from portfolio import InverseVolatilityPortfolio
from risk import StopLossRisk
from universe import LiquidValueUniverse
# endregion


class FrameworkAlgorithm(QCAlgorithm):
    """A framework algorithm: every model is a class of this project."""

    def initialize(self):
        self.set_start_date(2020, 1, 1)
        self.set_end_date(2021, 1, 1)
        self.set_cash(500_000)
        self.universe_settings.resolution = Resolution.DAILY
        self.universe_settings.data_normalization_mode = DataNormalizationMode.ADJUSTED
        self.lookback = 20
        self.add_universe_selection(LiquidValueUniverse(self.universe_settings))
        self.add_alpha(TrendAlphaModel(self.lookback))
        self.set_portfolio_construction(InverseVolatilityPortfolio())
        self.add_risk_management(StopLossRisk(0.08))
        self.set_execution(PatientExecutionModel())
        self.add_alpha(ConstantAlphaModel(InsightType.PRICE, InsightDirection.FLAT, timedelta(days=1)))
        self.set_benchmark("SPY")

    def on_end_of_algorithm(self):
        self.debug(f"insights generated: {self.insights.total_count}")
