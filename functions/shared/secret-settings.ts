import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { PROVIDER_PROFILES } from '../llm/vendors/vendor-settings.js';
import { optionalEnvironment } from './environment.js';
import { ConfigurationError } from './errors.js';

const VENDORS = Object.values(PROVIDER_PROFILES);

/** The names the credentials secret may hold: vendor keys, QuantConnect credentials, the Slack app's secrets. */
export const SECRET_SETTING_NAMES: readonly string[] = [
  ...VENDORS.map((vendor) => vendor.apiKeyVariable),
  'QC_USER_ID',
  'QC_API_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
];

/** Settings that are not secret: CDK context of the same name sets them on every function. */
export const PLAIN_SETTING_NAMES: readonly string[] = [
  'QUANTCODER_MODELS',
  'QUANTCODER_MODEL_TIMEOUT_MS',
  'QUANTCODER_BUDGET_USD',
  'QUANTCODER_BUDGET_TOKENS',
  ...VENDORS.map((vendor) => vendor.baseUrlVariable),
  'QC_ORGANIZATION_ID',
  'QC_API_URL',
  'QUANTCODER_SLACK_DEPLOYERS',
];

const SecretObject = z.record(z.string(), z.union([z.string(), z.number()]));

/**
 * The credentials secret's values, as environment variables. Only the names in SECRET_SETTING_NAMES are
 * taken; an unknown name is refused, since it is most likely a misspelled key that would silently not apply.
 */
export async function readSecretSettings(
  client: SecretsManagerClient,
  secretId: string,
): Promise<Record<string, string>> {
  const answer = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const text = answer.SecretString?.trim() ?? '';
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(
      `The secret ${secretId} is not JSON: store an object such as {"ANTHROPIC_API_KEY": "...", "QC_USER_ID": "...", "QC_API_TOKEN": "..."}.`,
      { cause: error },
    );
  }
  const values = SecretObject.safeParse(parsed);
  if (!values.success) {
    throw new ConfigurationError(
      `The secret ${secretId} must be a JSON object of names to string values, such as {"ANTHROPIC_API_KEY": "..."}.`,
      { cause: values.error },
    );
  }
  const allowed = new Set<string>(SECRET_SETTING_NAMES);
  const unknown = Object.keys(values.data).filter((name) => !allowed.has(name));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `The secret ${secretId} holds ${unknown.join(', ')}, which QuantCoder does not read: use ${SECRET_SETTING_NAMES.join(', ')}.`,
    );
  }
  return Object.fromEntries(
    Object.entries(values.data)
      .map(([name, value]) => [name, String(value).trim()] as const)
      .filter(([, value]) => value !== ''),
  );
}

/**
 * The environment with the credentials secret's values merged over it when QUANTCODER_SECRET_ARN is set
 * (in AWS), the environment alone otherwise (locally, in tests).
 */
export async function withSecretSettings(
  environment: NodeJS.ProcessEnv,
  secretsClient: () => SecretsManagerClient = () => new SecretsManagerClient({}),
): Promise<NodeJS.ProcessEnv> {
  const secretArn = optionalEnvironment('QUANTCODER_SECRET_ARN', environment);
  if (secretArn === undefined) return environment;
  return { ...environment, ...(await readSecretSettings(secretsClient(), secretArn)) };
}
