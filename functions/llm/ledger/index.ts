export { BudgetExceededError, describeBudget, readBudget, type Spending, spendingOf } from './budget.js';
export { guardBudget } from './budget-guard.js';
export { CostedUsageEntry, costOf, priceTokens, type UsageCost } from './cost.js';
export { buildLedger, UsageLedger } from './ledger.js';
export { findPrices, PRICE_TABLE_AS_OF, type TokenPrices } from './prices.js';
