import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createLambdaHandler } from '../../functions/handlers/lambda-handler.js';
import { createOfflineModel } from '../../functions/llm/offline-model.js';
import type { Deps } from '../../functions/pipeline/deps.js';
import { RunState } from '../../functions/pipeline/run-state.js';
import { planStage } from '../../functions/pipeline/stages/plan.js';
import { validateStage } from '../../functions/pipeline/stages/validate.js';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import { createAwsDeps } from '../../functions/shared/aws-deps.js';
import { createDiskArtifactStore } from '../../functions/shared/disk-artifact-store.js';
import { ConfigurationError } from '../../functions/shared/errors.js';
import { silentLogger } from '../../functions/shared/logger.js';
import { silentNotifier } from '../../functions/shared/notifier.js';
import { freshState } from '../pipeline/run-state-fixtures.js';

const context = {} as Context;

async function localDeps(): Promise<Deps> {
  const offline = createOfflineModel();
  return {
    models: () => offline,
    store: createDiskArtifactStore(await mkdtemp(join(tmpdir(), 'quantcoder-handler-'))),
    quantConnect: createInProcessEmulator({ compileCheck: () => [] }),
    notifier: silentNotifier,
    logger: silentLogger,
    now: () => new Date('2026-01-02T00:00:00Z'),
    sleep: async () => {},
  };
}

describe('createLambdaHandler', () => {
  it('builds its dependencies once per cold start and returns the next state', async () => {
    // Prepare
    let builds = 0;
    const handler = createLambdaHandler('plan', planStage, async () => {
      builds++;
      return localDeps();
    });

    // Act
    const first = RunState.parse(await handler(freshState({ runId: 'run-a' }), context));
    const second = RunState.parse(await handler(freshState({ runId: 'run-b' }), context));

    // Assess
    expect(builds).toBe(1);
    expect(first.plan?.projectName).toMatch(/^rsi/);
    expect(second.plan?.ref.key).toBe('run-b/plan.json');
    expect(first.timings.map((timing) => timing.stage)).toEqual(['plan']);
  });

  it('tries to build its dependencies again after a failed cold start', async () => {
    // Prepare
    let builds = 0;
    const handler = createLambdaHandler('plan', planStage, async () => {
      builds++;
      if (builds === 1) throw new ConfigurationError('Set ARTIFACT_BUCKET: the bucket.');
      return localDeps();
    });

    // Act
    const failed = handler(freshState(), context);

    // Assess
    await expect(failed).rejects.toThrow('Set ARTIFACT_BUCKET');
    await expect(handler(freshState(), context)).resolves.toMatchObject({ runId: 'run-1' });
    expect(builds).toBe(2);
  });

  it('refuses an event that is not a run state, naming the stage', async () => {
    // Prepare
    const handler = createLambdaHandler('validate', validateStage, localDeps);

    // Act and assess
    await expect(handler({ hello: 'world' }, context)).rejects.toMatchObject({
      name: 'InvalidRunStateError',
      message: expect.stringContaining('Stage validate received a run state it cannot read'),
    });
  });
});

describe('createAwsDeps', () => {
  const secrets = mockClient(SecretsManagerClient);
  const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:quantcoder/credentials-AbCdEf';
  const stackEnvironment = {
    ARTIFACT_BUCKET: 'quantcoder-artifacts',
    QUANTCODER_SECRET_ARN: SECRET_ARN,
    AWS_REGION: 'us-east-1',
  };

  afterEach(() => secrets.reset());

  it('fails fast, naming ARTIFACT_BUCKET, when the stack did not set it', async () => {
    await expect(createAwsDeps({})).rejects.toThrowError(ConfigurationError);
    await expect(createAwsDeps({})).rejects.toThrow('ARTIFACT_BUCKET');
  });

  it('routes models by the keys in the secret and the routes in the environment (CDK context)', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({
      SecretString: JSON.stringify({ ANTHROPIC_API_KEY: 'sk-ant-test', MISTRAL_API_KEY: 'mistral-test' }),
    });

    // Act
    const deps = await createAwsDeps({
      ...stackEnvironment,
      QUANTCODER_MODELS: '{"portfolio":"mistral:devstral-2512"}',
    });

    // Assess
    expect(deps.models('coordinator').provider).toBe('anthropic');
    expect(deps.models('alpha').provider).toBe('mistral');
    expect(deps.models('portfolio').provider).toBe('mistral');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('says which secret values to set when QuantConnect credentials are missing, at the first QuantConnect call', async () => {
    // Prepare
    secrets.on(GetSecretValueCommand).resolves({ SecretString: '{}' });
    const deps = await createAwsDeps(stackEnvironment);

    // Act
    const call = deps.quantConnect.createProject('momentum');

    // Assess
    await expect(call).rejects.toThrow(ConfigurationError);
    await expect(call).rejects.toThrow(
      'put QC_USER_ID and QC_API_TOKEN in the quantcoder/credentials secret',
    );
  });

  it('refuses a QUANTCODER_MODELS route to a vendor whose key the secret lacks, naming the key', async () => {
    // Prepare
    secrets
      .on(GetSecretValueCommand)
      .resolves({ SecretString: JSON.stringify({ ANTHROPIC_API_KEY: 'sk-ant-test' }) });

    // Act
    const deps = createAwsDeps({ ...stackEnvironment, QUANTCODER_MODELS: '{"alpha":"openai:gpt-5"}' });

    // Assess
    await expect(deps).rejects.toThrow('OPENAI_API_KEY');
  });
});
