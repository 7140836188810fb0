# region imports
from AlgorithmImports import *
# endregion


class OptionsFuturesAlgorithm(QCAlgorithm):
    """Sells covered calls on SPY and follows the front E-mini S&P 500 future with a trend filter."""

    def initialize(self):
        self.set_start_date(2021, 1, 4)
        self.set_end_date(2021, 3, 31)
        self.set_cash(1_000_000)
        self._equity = self.add_equity("SPY", Resolution.MINUTE)
        self._equity.set_data_normalization_mode(DataNormalizationMode.RAW)
        option = self.add_option("SPY", Resolution.MINUTE)
        option.set_filter(lambda universe: universe.include_weeklys().strikes(-5, 5).expiration(7, 45))
        self._option_symbol = option.symbol
        self._future = self.add_future(
            Futures.Indices.SP_500_E_MINI,
            Resolution.MINUTE,
            data_normalization_mode=DataNormalizationMode.BACKWARDS_RATIO,
            data_mapping_mode=DataMappingMode.OPEN_INTEREST,
            contract_depth_offset=0,
        )
        self._future.set_filter(0, 90)
        self._gold = self.add_future(Futures.Metals.GOLD, Resolution.DAILY).symbol
        self._trend = self.ema(self._future.symbol, 50, Resolution.DAILY)
        self._index = self.add_index("VIX", Resolution.DAILY).symbol
        self.set_security_initializer(BrokerageModelSecurityInitializer(self.brokerage_model, FuncSecuritySeeder(self.get_last_known_prices)))

    def on_data(self, slice: Slice):
        if not self.portfolio[self._equity.symbol].invested:
            self.market_order(self._equity.symbol, 100)
            return
        chain = slice.option_chains.get(self._option_symbol)
        short_calls = [
            holding
            for holding in self.portfolio.values()
            if holding.type == SecurityType.OPTION and holding.invested
        ]
        if chain is not None and not short_calls:
            underlying_price = chain.underlying.price
            calls = [c for c in chain if c.right == OptionRight.CALL and c.strike > underlying_price]
            if calls:
                contract = min(calls, key=lambda candidate: (candidate.expiry, candidate.strike))
                self.market_order(contract.symbol, -1)
        for continuous_chain in slice.futures_chains.values():
            contracts = sorted(continuous_chain, key=lambda contract: contract.expiry)
            if contracts and self._trend.is_ready and not self.portfolio[contracts[0].symbol].invested:
                direction = 1 if self._trend.current.value < self.securities[self._future.symbol].price else -1
                self.market_order(contracts[0].symbol, direction)
        mapped = self._future.mapped
        if mapped is not None and slice.symbol_changed_events.contains_key(self._future.symbol):
            self.log(f"rolled to {mapped}")

    def on_assignment_order_event(self, assignment_event):
        self.log(f"assigned: {assignment_event}")
