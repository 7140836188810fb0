import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../functions/pipeline/defaults.js';
import { ConfigurationError } from '../../../functions/shared/errors.js';
import { withSecretSettings } from '../../../functions/shared/secret-settings.js';
import { readSlackSettings } from '../../../functions/slack/app/settings.js';

const secrets = mockClient(SecretsManagerClient);
afterEach(() => secrets.reset());

const COMPLETE = {
  SLACK_SIGNING_SECRET: 'signing',
  SLACK_BOT_TOKEN: 'xoxb-1',
  STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:QuantCoder',
};

describe('readSlackSettings', () => {
  it('reads the secrets, the state machine, the deployers, the Web API base and the budget', () => {
    // Act
    const settings = readSlackSettings({
      ...COMPLETE,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      QUANTCODER_SLACK_DEPLOYERS: 'U1, U2 U3',
      QUANTCODER_BUDGET_USD: '1.50',
      ARTIFACT_BUCKET: 'quantcoder-artifacts',
    });

    // Assess
    expect(settings).toStrictEqual({
      signingSecret: 'signing',
      botToken: 'xoxb-1',
      apiUrl: 'http://127.0.0.1:9/api/',
      stateMachineArn: COMPLETE.STATE_MACHINE_ARN,
      deployers: new Set(['U1', 'U2', 'U3']),
      limits: { ...DEFAULT_LIMITS, budget: { usd: 1.5 } },
      artifactBucket: 'quantcoder-artifacts',
    });
  });

  it.each(['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'STATE_MACHINE_ARN'])(
    'fails with a ConfigurationError naming %s when it is missing',
    (name) => {
      // Prepare
      const environment = { ...COMPLETE, [name]: '  ' };

      // Act
      const read = () => readSlackSettings(environment);

      // Assess
      expect(read).toThrow(ConfigurationError);
      expect(read).toThrow(`Set ${name}:`);
    },
  );

  it('defaults to no deployers, the default limits, Slack own Web API and no artifact bucket', () => {
    // Act
    const settings = readSlackSettings(COMPLETE);

    // Assess
    expect(settings.deployers.size).toBe(0);
    expect(settings.limits).toEqual(DEFAULT_LIMITS);
    expect(settings.apiUrl).toBeUndefined();
    expect(settings.artifactBucket).toBeUndefined();
  });
});

describe('withSecretSettings', () => {
  it('merges the credentials secret over the environment when QUANTCODER_SECRET_ARN is set', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolves({
      SecretString: JSON.stringify({ SLACK_SIGNING_SECRET: 'from-secret', SLACK_BOT_TOKEN: 'xoxb-secret' }),
    });
    const environment = { ...COMPLETE, QUANTCODER_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:1:secret:q' };

    // Act
    const merged = await withSecretSettings(
      environment,
      () => new SecretsManagerClient({ region: 'us-east-1' }),
    );

    // Assess
    expect(readSlackSettings(merged)).toMatchObject({
      signingSecret: 'from-secret',
      botToken: 'xoxb-secret',
    });
    expect(secrets.commandCalls(GetSecretValueCommand)[0]?.args[0].input.SecretId).toBe(
      environment.QUANTCODER_SECRET_ARN,
    );
  });

  it('reads no secret without QUANTCODER_SECRET_ARN', async () => {
    // Act
    const merged = await withSecretSettings(
      COMPLETE,
      () => new SecretsManagerClient({ region: 'us-east-1' }),
    );

    // Assess
    expect(merged).toBe(COMPLETE);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });
});
