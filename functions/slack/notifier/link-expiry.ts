/** When a presigned link stops working; `atTheLatest` when it may stop sooner. */
export interface LinkExpiry {
  expiresAt: Date;
  /**
   * The link was signed with temporary credentials (a Lambda role's): it stops working when they expire,
   * which may be before X-Amz-Expires says, and the link does not tell when.
   */
  atTheLatest: boolean;
}

/**
 * When a presigned link stops working, read from its own query string (SigV4's X-Amz-Date and
 * X-Amz-Expires); undefined for a link that does not expire (a local file path) or says nothing about it.
 */
export function linkExpiry(link: string): LinkExpiry | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const signedAt = url.searchParams.get('X-Amz-Date');
  const expires = Number(url.searchParams.get('X-Amz-Expires'));
  const parts = signedAt ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(signedAt) : null;
  if (!parts || !Number.isFinite(expires) || expires <= 0) return undefined;
  const [, year, month, day, hour, minute, second] = parts.map(Number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const signed = Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0, second ?? 0);
  return {
    expiresAt: new Date(signed + expires * 1000),
    atTheLatest: url.searchParams.has('X-Amz-Security-Token'),
  };
}
