import { describe, expect, it } from 'vitest';
import { linkExpiry } from '../../../functions/slack/notifier/link-expiry.js';

const SIGNED =
  'https://bucket.s3.amazonaws.com/run/p.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261124T031500Z&X-Amz-Expires=604800&X-Amz-Signature=abc';

describe('linkExpiry', () => {
  it('reads when a presigned link stops working from its own query string', () => {
    // Act
    const expiry = linkExpiry(SIGNED);

    // Assess
    expect(expiry).toEqual({ expiresAt: new Date('2026-12-01T03:15:00.000Z'), atTheLatest: false });
  });

  it('says "at the latest" for a link signed with temporary credentials, which may stop sooner', () => {
    // Act
    const expiry = linkExpiry(`${SIGNED}&X-Amz-Security-Token=token`);

    // Assess
    expect(expiry?.atTheLatest).toBe(true);
  });

  it('knows no expiry for a file path or a link that gives none', () => {
    // Assess
    expect(linkExpiry('/home/me/quantcoder-runs/run/p.zip')).toBeUndefined();
    expect(linkExpiry('https://example.com/p.zip')).toBeUndefined();
    expect(linkExpiry('https://example.com/p.zip?X-Amz-Date=yesterday&X-Amz-Expires=60')).toBeUndefined();
  });
});
