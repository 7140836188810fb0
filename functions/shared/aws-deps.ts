import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createModelRouter, readModelConfiguration } from '../llm/routing/index.js';
import type { Deps } from '../pipeline/deps.js';
import type { QuantConnect } from '../quantconnect/port.js';
import { QuantConnectClient } from '../quantconnect/rest/client.js';
import { createRestQuantConnect } from '../quantconnect/rest/rest-quantconnect.js';
import { readQuantConnectSettings } from '../quantconnect/rest/settings.js';
import { notifierFromSettings } from '../slack/notifier/notifier-from-settings.js';
import { optionalEnvironment, requireEnvironment } from './environment.js';
import { ConfigurationError } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import { createS3ArtifactStore } from './s3-artifact-store.js';
import { readSecretSettings } from './secret-settings.js';

/**
 * Without credentials there is no QuantConnect in Lambda: the emulator keeps its projects in one process,
 * and each stage runs in its own function. A call then fails with what to set, instead of pretending.
 */
function missingQuantConnect(): QuantConnect {
  const fail = async (): Promise<never> => {
    throw new ConfigurationError(
      'QuantConnect credentials are missing: put QC_USER_ID and QC_API_TOKEN in the quantcoder/credentials secret (see the README, Deploy), or run locally with `quantcoder generate` to use the emulator.',
    );
  };
  return {
    emulated: false,
    createProject: fail,
    writeFiles: fail,
    createCompile: fail,
    checkInitialization: fail,
    readCompile: fail,
    createBacktest: fail,
    readBacktest: fail,
    readChart: fail,
    backtestUrl: (projectId, backtestId) => `https://www.quantconnect.com/project/${projectId}/${backtestId}`,
    deployLive: fail,
  };
}

function quantConnectFrom(settings: NodeJS.ProcessEnv, logger: Logger): QuantConnect {
  const quantConnect = readQuantConnectSettings(settings);
  if (!quantConnect) return missingQuantConnect();
  return createRestQuantConnect(new QuantConnectClient({ ...quantConnect, logger }));
}

/**
 * The Lambda composition root, built once per cold start: keys from the credentials secret, the other
 * settings from the function's environment (CDK context), read by the same functions as a local run.
 */
export async function createAwsDeps(environment: NodeJS.ProcessEnv = process.env): Promise<Deps> {
  const bucket = requireEnvironment(
    'ARTIFACT_BUCKET',
    'the S3 bucket runs are written to (set by the CDK stack)',
    environment,
  );
  const logger = createLogger({ level: environment.LOG_LEVEL ?? 'info', destination: process.stdout });
  const secretArn = optionalEnvironment('QUANTCODER_SECRET_ARN', environment);
  const secrets = secretArn ? await readSecretSettings(new SecretsManagerClient({}), secretArn) : {};
  const settings: NodeJS.ProcessEnv = { ...environment, ...secrets };
  const store = createS3ArtifactStore({ client: new S3Client({}), bucket });
  const quantConnect = quantConnectFrom(settings, logger);
  const now = () => new Date();
  return {
    models: createModelRouter(readModelConfiguration(settings), undefined, { logger }),
    store,
    quantConnect,
    // Slack when the settings hold SLACK_BOT_TOKEN, silent otherwise.
    notifier: notifierFromSettings(settings, {
      store,
      logger,
      now,
      backtestUrl: (projectId, backtestId) => quantConnect.backtestUrl(projectId, backtestId),
    }),
    logger,
    now,
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  };
}
