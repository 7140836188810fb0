from AlgorithmImports import *


class StopLossRisk(RiskManagementModel):
    """Liquidates any position that has lost more than the given fraction."""

    def __init__(self, maximum_loss: float = 0.1) -> None:
        super().__init__()
        self.maximum_loss = -abs(maximum_loss)

    def manage_risk(self, algorithm: QCAlgorithm, targets: list[PortfolioTarget]) -> list[PortfolioTarget]:
        exits = []
        for kvp in algorithm.securities:
            security = kvp.value
            if not security.invested:
                continue
            if security.holdings.unrealized_profit_percent < self.maximum_loss:
                algorithm.insights.cancel([security.symbol])
                exits.append(PortfolioTarget(security.symbol, 0))
        return exits
