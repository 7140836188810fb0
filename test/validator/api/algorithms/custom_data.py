# region imports
from AlgorithmImports import *
# endregion


class WeatherData(PythonData):
    """Daily temperature readings from a CSV file: date,temperature."""

    def get_source(self, config: SubscriptionDataConfig, date: datetime, is_live: bool) -> SubscriptionDataSource:
        source = "https://example.com/weather.csv"
        return SubscriptionDataSource(source, SubscriptionTransportMedium.REMOTE_FILE, FileFormat.CSV)

    def reader(self, config: SubscriptionDataConfig, line: str, date: datetime, is_live: bool) -> BaseData:
        if not line or not line[0].isdigit():
            return None
        day, temperature = line.split(",")
        reading = WeatherData()
        reading.symbol = config.symbol
        reading.time = datetime.strptime(day, "%Y-%m-%d")
        reading.end_time = reading.time + timedelta(days=1)
        reading.value = float(temperature)
        reading["temperature"] = float(temperature)
        return reading


class CustomDataAlgorithm(QCAlgorithm):
    """Buys natural gas futures exposure through UNG when it is unusually cold."""

    def initialize(self):
        self.set_start_date(2015, 1, 1)
        self.set_end_date(2016, 1, 1)
        self.set_cash(50_000)
        self._ung = self.add_equity("UNG", Resolution.DAILY).symbol
        self._weather = self.add_data(WeatherData, "NYC", Resolution.DAILY).symbol
        self._average = self.sma(self._weather, 30)
        self._history = self.history(WeatherData, self._weather, 30, Resolution.DAILY)
        self.schedule.on(self.date_rules.every_day(self._ung), self.time_rules.before_market_close(self._ung, 5), self._check)

    def on_data(self, slice: Slice):
        if slice.contains_key(self._weather):
            reading = slice[self._weather]
            self.plot("Weather", "Temperature", reading.value)
            self.plot("Weather", "Average", self._average.current.value)

    def _check(self):
        reading = self.securities[self._weather].get_last_data()
        if reading is None or not self._average.is_ready:
            return
        if reading.value < self._average.current.value - 5:
            self.set_holdings(self._ung, 1)
        elif self.portfolio[self._ung].invested:
            self.liquidate(self._ung)
