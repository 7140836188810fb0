import type { Order } from './schemas.js';

/** The widest window backtests/orders/read accepts (end - start <= 100). */
export const ORDERS_PAGE_SIZE = 100;
/** 100,000 orders: a bound on the loop, far above what a generated strategy places. */
const MAX_ORDER_PAGES = 1_000;

export interface OrderPages {
  orders: Order[];
  /** The backtest's total as QuantConnect reports it, else the number read. */
  length: number;
}

/**
 * Reads [start, end) (default: every order) page by page until a short page, the reported total
 * or `end`; `truncated` says the page bound stopped it first.
 */
export async function readOrderPages(
  readPage: (start: number, end: number) => Promise<{ orders: Order[]; length?: number | null }>,
  range: { start?: number; end?: number },
): Promise<OrderPages & { truncated: boolean }> {
  const orders: Order[] = [];
  let total: number | undefined;
  let from = Math.max(0, range.start ?? 0);
  for (let page = 0; page < MAX_ORDER_PAGES; page++) {
    const to = Math.min(from + ORDERS_PAGE_SIZE, range.end ?? Number.POSITIVE_INFINITY);
    if (to <= from) return { orders, length: total ?? orders.length, truncated: false };
    const answer = await readPage(from, to);
    orders.push(...answer.orders);
    total = answer.length ?? total;
    const lastPage = answer.orders.length < to - from || (total !== undefined && to >= total);
    if (lastPage) return { orders, length: total ?? orders.length, truncated: false };
    from = to;
  }
  return { orders, length: total ?? orders.length, truncated: true };
}
