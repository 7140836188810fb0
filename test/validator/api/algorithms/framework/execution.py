from AlgorithmImports import *


class PatientExecutionModel(ExecutionModel):
    """Places limit orders one percent away from the price for the unfilled part of each target."""

    def __init__(self) -> None:
        super().__init__()
        self.targets_collection = PortfolioTargetCollection()

    def execute(self, algorithm: QCAlgorithm, targets: list[PortfolioTarget]) -> None:
        self.targets_collection.add_range(targets)
        if self.targets_collection.is_empty:
            return
        for target in self.targets_collection.order_by_margin_impact(algorithm):
            security = algorithm.securities[target.symbol]
            quantity = OrderSizing.get_unordered_quantity(algorithm, target, security)
            if quantity == 0:
                continue
            offset = 0.99 if quantity > 0 else 1.01
            algorithm.limit_order(security.symbol, quantity, round(security.price * offset, 2))
        self.targets_collection.clear_fulfilled(algorithm)

    def on_securities_changed(self, algorithm: QCAlgorithm, changes: SecurityChanges) -> None:
        for removed in changes.removed_securities:
            algorithm.transactions.cancel_open_orders(removed.symbol)
