/** `2025-06-02 12:00:00`, the way QuantConnect's API writes dates (UTC). */
export function quantConnectDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `2025-06-02T12:00:00Z`, the way LEAN serializes order times. */
export function leanTime(unixSeconds: number): string {
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, 19)}Z`;
}

/** `$100,000.00`, `-$12.50`: runtime statistics' money format. */
export function dollars(value: number): string {
  const text = Math.abs(value).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return value < 0 && text !== '0.00' ? `-$${text}` : `$${text}`;
}

/** `8.46%`: runtime statistics' percentage format, from a fraction. */
export function percentage(fraction: number): string {
  const text = (fraction * 100).toFixed(2);
  return `${text === '-0.00' ? '0.00' : text}%`;
}

/** A number for JSON: finite, without float noise past ten places. */
export function jsonNumber(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1e10) / 1e10 : 0;
}
