import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SFNClient } from '@aws-sdk/client-sfn';
import { WebClient } from '@slack/web-api';
import { createRunStarter } from '../../pipeline/run-starter.js';
import type { ArtifactStore } from '../../shared/artifact-store.js';
import type { Logger } from '../../shared/logger.js';
import { createS3ArtifactStoreWith, loadS3Sdk } from '../../shared/s3-sdk-artifact-store.js';
import { withSecretSettings } from '../../shared/secret-settings.js';
import { boltLogger } from './bolt-logger.js';
import { readBotIdentity } from './bot-identity.js';
import { guardSlackRequests, type SlackRequestHandler } from './http-guards.js';
import { createReplayGuard } from './replay-guard.js';
import { readSlackSettings } from './settings.js';
import { createSlackApp, webClientOptions } from './slack-app.js';

export interface SlackLambdaOptions {
  environment: NodeJS.ProcessEnv;
  logger: Logger;
  /** @default a client for the function's region */
  secretsClient?: () => SecretsManagerClient;
  now?: () => Date;
}

/**
 * The artifact bucket as a store built on the first "Fresh download link" click (undefined when
 * ARTIFACT_BUCKET is not set): the S3 client and presigner load then, not at every cold start. A failed
 * load is tried again on the next click. Two attempts per call at most, since Slack stops waiting after
 * 3 s; the SDK reads AWS_ENDPOINT_URL_S3 itself.
 */
function artifactStore(bucket: string | undefined): (() => Promise<ArtifactStore>) | undefined {
  if (bucket === undefined) return undefined;
  let store: Promise<ArtifactStore> | undefined;
  return () => {
    store ??= loadS3Sdk()
      .then((sdk) => createS3ArtifactStoreWith(sdk, { client: new sdk.S3Client({ maxAttempts: 2 }), bucket }))
      .catch((error: unknown) => {
        store = undefined;
        throw error;
      });
    return store;
  };
}

/**
 * The Slack function's composition root, run once per cold start: settings (the credentials secret over
 * the environment), the bot's identity from auth.test, the Step Functions starter, the artifact store (built
 * on the first fresh download link), the Bolt app and the HTTP guards around its receiver.
 */
export async function buildSlackLambda(options: SlackLambdaOptions): Promise<SlackRequestHandler> {
  const { logger } = options;
  const settings = readSlackSettings(await withSecretSettings(options.environment, options.secretsClient));
  const identity = await readBotIdentity(
    new WebClient(settings.botToken, { ...webClientOptions(settings.apiUrl), logger: boltLogger(logger) }),
  );
  const starter = createRunStarter({
    // Two attempts at most: Slack stops waiting after 3 s. The SDK reads AWS_ENDPOINT_URL_SFN itself.
    client: new SFNClient({ maxAttempts: 2 }),
    stateMachineArn: settings.stateMachineArn,
    limits: settings.limits,
    logger,
  });
  const { receiver } = createSlackApp({
    signingSecret: settings.signingSecret,
    botToken: settings.botToken,
    apiUrl: settings.apiUrl,
    identity,
    deps: {
      starter,
      deployers: settings.deployers,
      now: options.now ?? (() => new Date()),
      logger,
      store: artifactStore(settings.artifactBucket),
    },
  });
  return guardSlackRequests(receiver.toHandler(), { replayGuard: createReplayGuard(), logger });
}
