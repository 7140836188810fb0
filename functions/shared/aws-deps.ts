import { S3Client } from '@aws-sdk/client-s3';
import { createOfflineModel } from '../llm/offline-model.js';
import type { Deps } from '../pipeline/deps.js';
import type { QuantConnect } from '../quantconnect/port.js';
import { requireEnvironment } from './environment.js';
import { ConfigurationError } from './errors.js';
import { createLogger } from './logger.js';
import { silentNotifier } from './notifier.js';
import { createS3ArtifactStore } from './s3-artifact-store.js';

/**
 * In Lambda, QuantConnect is the real service: the in-process emulator keeps its projects in one
 * process's memory, and each stage runs in its own function. Until the REST client is wired in,
 * a QuantConnect call fails with a message that says so instead of pretending.
 */
function unavailableQuantConnect(): QuantConnect {
  const fail = async (): Promise<never> => {
    throw new ConfigurationError(
      'This deployment has no QuantConnect client yet: the REST client (QC_USER_ID, QC_API_TOKEN in the quantcoder/credentials secret) is not wired into Lambda. Run the pipeline locally with `quantcoder generate` to use the emulator.',
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
  };
}

/** The Lambda composition root: built once per cold start from the function's environment. */
export async function createAwsDeps(environment: NodeJS.ProcessEnv = process.env): Promise<Deps> {
  const bucket = requireEnvironment(
    'ARTIFACT_BUCKET',
    'the S3 bucket runs are written to (set by the CDK stack)',
    environment,
  );
  const offline = createOfflineModel();
  return {
    models: () => offline,
    store: createS3ArtifactStore({ client: new S3Client({}), bucket }),
    quantConnect: unavailableQuantConnect(),
    notifier: silentNotifier,
    logger: createLogger({ level: environment.LOG_LEVEL ?? 'info', destination: process.stdout }),
    now: () => new Date(),
    sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
  };
}
