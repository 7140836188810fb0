import { createHash } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/slack.js';
import { DEFAULT_LIMITS } from '../../functions/pipeline/defaults.js';
import { initialState } from '../../functions/pipeline/initial-state.js';
import { runKeys } from '../../functions/pipeline/project-files.js';
import { writeRunSnapshot } from '../../functions/pipeline/run-snapshot.js';
import type { ArtifactRef } from '../../functions/shared/artifact-store.js';
import { createS3ArtifactStore } from '../../functions/shared/s3-artifact-store.js';
import { createZipArchive } from '../../functions/shared/zip-archive.js';
import { ACTION_IDS } from '../../functions/slack/interactions.js';
import { type LocalS3, startLocalS3 } from '../shared/s3rver-harness.js';
import { click, RUN } from '../slack/app/actions/button-payloads.js';
import { BOT_TOKEN, interactionBody, SIGNING_SECRET, signedEvent } from '../slack/app/signed-request.js';
import { type FakeSlackApi, startFakeSlackApi } from '../slack/fake-slack-api.js';

/**
 * "Fresh download link" through the real Slack handler and its composition root: the S3 store it builds
 * from ARTIFACT_BUCKET talks to s3rver on loopback, and the link it answers must download the run's zip.
 */
const PROJECT = 'sector_momentum';
const context = {} as Context;
let slack: FakeSlackApi;
let s3: LocalS3;
let zip: ArtifactRef;

beforeAll(async () => {
  slack = await startFakeSlackApi({ token: BOT_TOKEN, botUserId: 'U0QUANTBOT' });
  s3 = await startLocalS3();
  delete process.env.QUANTCODER_SECRET_ARN;
  Object.assign(process.env, {
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
    STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:123456789012:stateMachine:QuantCoder',
    ARTIFACT_BUCKET: s3.bucket,
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    // s3rver's built-in account.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    LOG_LEVEL: 'silent',
  });
  // The run as the pipeline leaves it in the bucket: its zip, and the record the Report stage writes.
  const store = createS3ArtifactStore({ client: s3.client, bucket: s3.bucket });
  const bytes = await createZipArchive([{ name: 'main.py', content: 'class Momentum: pass\n' }], {
    root: PROJECT,
  });
  zip = await store.put(runKeys.zip(RUN.runId, PROJECT), bytes, { contentType: 'application/zip' });
  const state = initialState({
    runId: RUN.runId,
    request: { idea: 'momentum', source: 'slack', requestedAt: new Date().toISOString() },
    limits: DEFAULT_LIMITS,
  });
  await writeRunSnapshot(
    { ...state, package: { zip, fileName: `${PROJECT}.zip`, link: 'https://expired.example/' } },
    { store, now: () => new Date() },
    'succeeded',
  );
}, 20_000);

afterAll(async () => {
  await slack.close();
  await s3.stop();
});

/** The URL of the first mrkdwn link in a text: `<url|label>`. */
function linkIn(text: string): string {
  const match = /<(https?:\/\/[^|>]+)\|/.exec(text);
  if (!match?.[1]) throw new Error(`no link in ${text}`);
  return match[1];
}

describe('the Slack handler, given a "Fresh download link" click', () => {
  it('answers the clicker alone with a new one-hour link that downloads the run zip', async () => {
    // Prepare
    const earlier = slack.responses.length;
    const event = signedEvent(
      interactionBody({ ...click(ACTION_IDS.freshZipLink), response_url: slack.responseUrl }),
    );

    // Act
    const response = await handler(event, context);
    const [answer] = slack.responses.slice(earlier);
    const link = linkIn(String(answer?.text));
    const download = await fetch(link, { signal: AbortSignal.timeout(5000) });
    const body = Buffer.from(await download.arrayBuffer());

    // Assess
    expect(response.statusCode).toBe(200);
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(answer?.text)).toContain(`Download ${PROJECT}.zip`);
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('3600');
    expect(download.status).toBe(200);
    expect(createHash('sha256').update(body).digest('hex')).toBe(zip.sha256);
    expect(body.length).toBe(zip.bytes);
  });

  it('answers a run the bucket has no record of without a link', async () => {
    // Prepare
    const earlier = slack.responses.length;
    const value = JSON.stringify({ ...RUN, runId: 'slack-9-9-9' });
    const event = signedEvent(
      interactionBody({ ...click(ACTION_IDS.freshZipLink, { value }), response_url: slack.responseUrl }),
    );

    // Act
    const response = await handler(event, context);

    // Assess
    expect(response.statusCode).toBe(200);
    expect(slack.responses.slice(earlier).map((answer) => answer.text)).toEqual([
      'Run `slack-9-9-9` has no record of a finished run: it may still be running, or its files have expired.',
    ]);
  });
});
