import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../functions/shared/errors.js';
import { readSecretSettings } from '../../functions/shared/secret-settings.js';

const secrets = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:quantcoder/credentials-AbCdEf';

afterEach(() => secrets.reset());

describe('readSecretSettings', () => {
  it('reads the keys the secret holds, trimmed, and drops blank ones', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({
      SecretString: JSON.stringify({ ANTHROPIC_API_KEY: ' sk-ant ', QC_USER_ID: 12345, QC_API_TOKEN: '' }),
    });

    // Act
    const settings = await readSecretSettings(new SecretsManagerClient({ region: 'us-east-1' }), ARN);

    // Assess
    expect(settings).toEqual({ ANTHROPIC_API_KEY: 'sk-ant', QC_USER_ID: '12345' });
  });

  it('treats the empty secret the stack creates as no settings', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{}' });

    // Act
    const settings = await readSecretSettings(new SecretsManagerClient({ region: 'us-east-1' }), ARN);

    // Assess
    expect(settings).toEqual({});
  });

  it('refuses a secret that is not a JSON object, or names a key QuantCoder does not read, saying what to store', async () => {
    // Prepare
    const client = new SecretsManagerClient({ region: 'us-east-1' });

    // Act
    secrets
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'sk-ant-123' })
      .resolvesOnce({
        SecretString: JSON.stringify({ ANTRHOPIC_API_KEY: 'sk-ant' }),
      });
    const notJson = readSecretSettings(client, ARN);
    const misspelled = readSecretSettings(client, ARN);

    // Assess
    await expect(notJson).rejects.toThrow(ConfigurationError);
    await expect(notJson).rejects.toThrow('is not JSON: store an object such as {"ANTHROPIC_API_KEY"');
    await expect(misspelled).rejects.toThrow('holds ANTRHOPIC_API_KEY, which QuantCoder does not read');
  });
});
