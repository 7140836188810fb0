import type { EmulatedOrder } from '../emulated-orders.js';
import { leanTime } from './wire-format.js';

// LEAN's enum values: OrderType.Market, OrderStatus.Filled, SecurityType.Equity, OrderDirection Buy/Sell.
const MARKET = 0;
const FILLED = 3;
const EQUITY = 1;

/** An order the way `backtests/orders/read` returns it: LEAN's Order JSON with its fill event. */
export function wireOrder(order: EmulatedOrder, backtestId: string): Record<string, unknown> {
  const buy = order.quantity > 0;
  const time = leanTime(order.time);
  const symbol = { value: order.ticker, id: order.securityId, permtick: order.ticker };
  return {
    id: order.id,
    contingentId: 0,
    brokerId: [],
    symbol,
    price: order.price,
    priceCurrency: 'USD',
    time,
    createdTime: time,
    lastFillTime: time,
    lastUpdateTime: null,
    canceledTime: null,
    quantity: order.quantity,
    type: MARKET,
    status: FILLED,
    tag: '',
    securityType: EQUITY,
    direction: buy ? 0 : 1,
    value: Math.round(order.quantity * order.price * 100) / 100,
    orderSubmissionData: { bidPrice: order.price, askPrice: order.price, lastPrice: order.price },
    isMarketable: true,
    properties: { timeInForce: {} },
    events: [
      {
        algorithmId: backtestId,
        symbol: order.securityId,
        symbolValue: order.ticker,
        symbolPermtick: order.ticker,
        orderId: order.id,
        orderEventId: 1,
        id: `${backtestId}-${order.id}-1`,
        status: 'filled',
        orderFeeAmount: order.fee,
        orderFeeCurrency: 'USD',
        fillPrice: order.price,
        fillPriceCurrency: 'USD',
        fillQuantity: order.quantity,
        direction: buy ? 'buy' : 'sell',
        message: '',
        isAssignment: false,
        quantity: order.quantity,
        time: order.time,
      },
    ],
  };
}
