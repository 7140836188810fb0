# region imports
from AlgorithmImports import *
# endregion


class SnakeMomentumAlgorithm(QCAlgorithm):
    """Monthly momentum rotation over sector ETFs, written with the PEP8 (snake_case) API."""

    def initialize(self) -> None:
        self.set_start_date(2019, 1, 1)
        self.set_end_date(2021, 1, 1)
        self.set_cash(250_000)
        self.set_time_zone(TimeZones.NEW_YORK)
        self.settings.free_portfolio_value_percentage = 0.02
        self.universe_settings.resolution = Resolution.DAILY
        tickers = ["XLK", "XLF", "XLE", "XLV", "XLY"]
        self._symbols = [self.add_equity(ticker, Resolution.DAILY).symbol for ticker in tickers]
        self._momentum = {symbol: self.momp(symbol, 60, Resolution.DAILY) for symbol in self._symbols}
        self._rsi = self.rsi(self._symbols[0], 14, MovingAverageType.WILDERS, Resolution.DAILY)
        self._bb = self.bb(self._symbols[0], 20, 2, MovingAverageType.SIMPLE, Resolution.DAILY)
        self._closes = RollingWindow[float](10)
        self.consolidate(self._symbols[0], timedelta(days=5), self._on_weekly_bar)
        self.set_warm_up(timedelta(days=90))
        self.schedule.on(
            self.date_rules.month_start(self._symbols[0]),
            self.time_rules.after_market_open(self._symbols[0], 15),
            self._rebalance,
        )

    def _on_weekly_bar(self, bar: TradeBar) -> None:
        self._closes.add(float(bar.close))

    def on_data(self, slice: Slice) -> None:
        if self.is_warming_up or not self._rsi.is_ready:
            return
        if self._rsi.current.value < 30 and self._bb.lower_band.current.value > 0:
            self.log(f"oversold {self._rsi.current.value:.1f}")

    def _rebalance(self) -> None:
        ready = [symbol for symbol in self._symbols if self._momentum[symbol].is_ready]
        if not ready:
            return
        ranked = sorted(ready, key=lambda symbol: self._momentum[symbol].current.value, reverse=True)
        winners = ranked[:2]
        targets = [PortfolioTarget(symbol, 0.5) for symbol in winners]
        self.set_holdings(targets, liquidate_existing_holdings=True)
        bars = self.history[TradeBar](winners[0], 10, Resolution.DAILY)
        closes = [bar.close for bar in bars]
        frame = self.history(winners, timedelta(days=30), Resolution.DAILY)
        if len(closes) > 0 and not frame.empty:
            self.debug(f"{winners[0]} last close {closes[-1]}, {len(frame)} rows")

    def on_order_event(self, order_event: OrderEvent) -> None:
        if order_event.status == OrderStatus.FILLED and order_event.direction == OrderDirection.BUY:
            ticket = self.transactions.get_order_ticket(order_event.order_id)
            self.debug(f"bought {order_event.fill_quantity} {order_event.symbol.value}: {ticket.status}")

    def on_securities_changed(self, changes: SecurityChanges) -> None:
        for security in changes.removed_securities:
            if security.invested:
                self.liquidate(security.symbol)
