import { S3Client } from '@aws-sdk/client-s3';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createModelRouter, readModelConfiguration } from '../llm/routing/index.js';
import type { Deps } from '../pipeline/deps.js';
import type { QuantConnect } from '../quantconnect/port.js';
import { QuantConnectClient } from '../quantconnect/rest/client.js';
import { createRestQuantConnect } from '../quantconnect/rest/rest-quantconnect.js';
import { readQuantConnectSettings } from '../quantconnect/rest/settings.js';
import type { RenderChart } from '../slack/notifier/final-messages.js';
import { notifierFromSettings } from '../slack/notifier/notifier-from-settings.js';
import { requireEnvironment } from './environment.js';
import { ConfigurationError } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import { createS3ArtifactStore } from './s3-artifact-store.js';
import { withSecretSettings } from './secret-settings.js';

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

export interface AwsDepsOptions {
  /** The equity chart's renderer: only the report functions pass one, as only their bundles carry it. */
  renderChart?: RenderChart;
  /** @default a client for the function's region */
  secretsClient?: () => SecretsManagerClient;
}

/**
 * The Lambda composition root, built once per cold start: keys from the credentials secret, the other
 * settings from the function's environment (CDK context), read by the same functions as a local run.
 */
export async function createAwsDeps(
  environment: NodeJS.ProcessEnv = process.env,
  options: AwsDepsOptions = {},
): Promise<Deps> {
  const bucket = requireEnvironment(
    'ARTIFACT_BUCKET',
    'the S3 bucket runs are written to (set by the CDK stack)',
    environment,
  );
  const logger = createLogger({ level: environment.LOG_LEVEL ?? 'info', destination: process.stdout });
  const settings = await withSecretSettings(environment, options.secretsClient);
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
      ...(options.renderChart ? { renderChart: options.renderChart } : {}),
    }),
    logger,
    now,
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  };
}
