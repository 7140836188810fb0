/** What QuantConnect puts in `main.py` of a new Python project. */
export const DEFAULT_MAIN_PY = `# region imports
from AlgorithmImports import *
# endregion


class DefaultAlgorithm(QCAlgorithm):

    def initialize(self):
        self.set_start_date(2013, 10, 7)
        self.set_end_date(2013, 10, 11)
        self.set_cash(100000)
        self.add_equity("SPY", Resolution.MINUTE)

    def on_data(self, data: Slice):
        if not self.portfolio.invested:
            self.set_holdings("SPY", 1)
`;

/** The research notebook a new Python project starts with: one cell that opens a QuantBook. */
export const DEFAULT_RESEARCH_NOTEBOOK = `${JSON.stringify(
  {
    cells: [
      {
        cell_type: 'code',
        execution_count: null,
        metadata: {},
        outputs: [],
        source: ['qb = QuantBook()\n', 'spy = qb.add_equity("SPY")\n'],
      },
    ],
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 2,
  },
  null,
  1,
)}\n`;
