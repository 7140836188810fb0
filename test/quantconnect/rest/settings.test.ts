import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUANTCONNECT_API_URL,
  readQuantConnectSettings,
} from '../../../functions/quantconnect/rest/settings.js';
import { ConfigurationError } from '../../../functions/shared/errors.js';

describe('readQuantConnectSettings', () => {
  it('is undefined when neither credential is set (blank counts as unset)', () => {
    // Act
    const settings = readQuantConnectSettings({ QC_USER_ID: ' ', QC_ORGANIZATION_ID: 'org' });

    // Assess
    expect(settings).toBeUndefined();
  });

  it('reads both credentials, with the public API by default and no organization', () => {
    // Act
    const settings = readQuantConnectSettings({ QC_USER_ID: '42', QC_API_TOKEN: 'secret' });

    // Assess
    expect(settings).toEqual({ userId: '42', apiToken: 'secret', baseUrl: DEFAULT_QUANTCONNECT_API_URL });
  });

  it('reads the organization and an API URL, adding the trailing slash', () => {
    // Act
    const settings = readQuantConnectSettings({
      QC_USER_ID: '42',
      QC_API_TOKEN: 'secret',
      QC_ORGANIZATION_ID: 'abc123',
      QC_API_URL: 'http://127.0.0.1:8123/api/v2',
    });

    // Assess
    expect(settings).toEqual({
      userId: '42',
      apiToken: 'secret',
      organizationId: 'abc123',
      baseUrl: 'http://127.0.0.1:8123/api/v2/',
    });
  });

  it.each([
    [{ QC_USER_ID: '42' }, 'QC_API_TOKEN'],
    [{ QC_API_TOKEN: 'secret' }, 'QC_USER_ID'],
  ])('names the missing variable when only one credential is set (%o)', (environment, missing) => {
    // Act
    const read = () => readQuantConnectSettings(environment);

    // Assess
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(new RegExp(`set ${missing}`));
  });

  it.each(['ftp://example.com/api/v2/', 'not a url', 'https://user:pass@example.com/'])(
    'rejects QC_API_URL %s without echoing it',
    (url) => {
      // Act
      const read = () =>
        readQuantConnectSettings({ QC_USER_ID: '42', QC_API_TOKEN: 'secret', QC_API_URL: url });

      // Assess
      expect(read).toThrow(ConfigurationError);
      expect(read).toThrow(/QC_API_URL/);
      expect(() => read()).not.toThrow(url);
    },
  );
});
