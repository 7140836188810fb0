import { optionalEnvironment } from '../../shared/environment.js';
import { ConfigurationError } from '../../shared/errors.js';

/** QuantConnect's public REST API v2. */
export const DEFAULT_QUANTCONNECT_API_URL = 'https://www.quantconnect.com/api/v2/';

/** What the REST client needs to reach QuantConnect as one user. */
export interface QuantConnectSettings {
  userId: string;
  apiToken: string;
  organizationId?: string;
  /** Always ends with `/`, so endpoint paths resolve under it. */
  baseUrl: string;
}

/**
 * Reads QC_USER_ID, QC_API_TOKEN, QC_ORGANIZATION_ID and QC_API_URL. Undefined when neither
 * credential is set (the caller then uses the emulator); a ConfigurationError when only one is.
 */
export function readQuantConnectSettings(
  environment: NodeJS.ProcessEnv = process.env,
): QuantConnectSettings | undefined {
  const userId = optionalEnvironment('QC_USER_ID', environment);
  const apiToken = optionalEnvironment('QC_API_TOKEN', environment);
  if (userId === undefined && apiToken === undefined) return undefined;
  if (userId === undefined) {
    throw new ConfigurationError(
      'QC_API_TOKEN is set but QC_USER_ID is not: set QC_USER_ID to your numeric QuantConnect user id, or unset both to use the emulator.',
    );
  }
  if (apiToken === undefined) {
    throw new ConfigurationError(
      'QC_USER_ID is set but QC_API_TOKEN is not: set QC_API_TOKEN to the API token from your QuantConnect account page, or unset both to use the emulator.',
    );
  }
  const organizationId = optionalEnvironment('QC_ORGANIZATION_ID', environment);
  return {
    userId,
    apiToken,
    ...(organizationId === undefined ? {} : { organizationId }),
    baseUrl: readApiUrl(optionalEnvironment('QC_API_URL', environment)),
  };
}

function readApiUrl(value: string | undefined): string {
  if (value === undefined) return DEFAULT_QUANTCONNECT_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ConfigurationError(invalidApiUrlMessage(), { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigurationError(invalidApiUrlMessage());
  if (url.username !== '' || url.password !== '') {
    throw new ConfigurationError(
      'QC_API_URL must not carry a user name or password; QuantCoder signs each request itself.',
    );
  }
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

// The value itself stays out of the message: a mistyped secret may have landed in the wrong variable.
function invalidApiUrlMessage(): string {
  return `QC_API_URL must be an http(s) URL such as ${DEFAULT_QUANTCONNECT_API_URL}; unset it to use that default.`;
}
