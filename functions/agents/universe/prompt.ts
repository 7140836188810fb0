import type { ChatMessage } from '../../llm/model.js';
import type { ComponentTask } from '../task-kinds.js';
import { renderWriteRequest, renderWriterSystem } from '../writer-prompt.js';

/** How universe.py is written; refine reuses it when it repairs this file. */
export const UNIVERSE_GUIDANCE = `- Fixed tickers: subclass ManualUniverseSelectionModel; __init__(self, tickers) turns each ticker into Symbol.create(ticker, SecurityType.EQUITY, Market.USA) and passes the list to super().__init__.
- Ranked universes: subclass FundamentalUniverseSelectionModel, call super().__init__() and override select(self, algorithm, fundamental): keep f.has_fundamental_data and f.price >= min_price (for a sector also the sector test), sort by f.dollar_volume descending and return the first size symbols.
- Reselect only when the rebalance period turns (compare algorithm.time's week or month with the last selection); otherwise return Universe.UNCHANGED.`;

export const UNIVERSE_SYSTEM = renderWriterSystem('universe', UNIVERSE_GUIDANCE);

/** `FinancialServices` → `FINANCIAL_SERVICES`, the MorningstarSectorCode member. */
export function sectorConstant(sector: string): string {
  return sector.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The user message for the universe agent. */
export function renderUniverseMessages(task: ComponentTask): ChatMessage[] {
  const { universe } = task.plan;
  const details = [`Universe: ${universe.kind}. ${universe.description}`];
  if (universe.kind === 'sector' && universe.sector) {
    details.push(
      `Sector test: f.asset_classification.morningstar_sector_code == MorningstarSectorCode.${sectorConstant(universe.sector)}`,
    );
  }
  return [{ role: 'user', content: renderWriteRequest(task.contract, details) }];
}
