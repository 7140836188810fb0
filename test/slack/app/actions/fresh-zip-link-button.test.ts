import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../../functions/pipeline/defaults.js';
import { initialState } from '../../../../functions/pipeline/initial-state.js';
import { runKeys } from '../../../../functions/pipeline/project-files.js';
import { writeRunSnapshot } from '../../../../functions/pipeline/run-snapshot.js';
import type { RunState } from '../../../../functions/pipeline/run-state.js';
import {
  type ArtifactRef,
  type ArtifactStore,
  putJson,
} from '../../../../functions/shared/artifact-store.js';
import { createDiskArtifactStore } from '../../../../functions/shared/disk-artifact-store.js';
import { ArtifactError } from '../../../../functions/shared/errors.js';
import {
  DOWNLOADS_NOT_CONFIGURED_TEXT,
  FRESH_LINK_SECONDS,
  freshZipLinkButton,
} from '../../../../functions/slack/app/actions/fresh-zip-link-button.js';
import { UNREADABLE_BUTTON_TEXT } from '../../../../functions/slack/app/replies.js';
import { ACTION_IDS } from '../../../../functions/slack/interactions.js';
import { recordingLogger } from '../../notifier/run-fixture.js';
import {
  listenerDeps,
  NOW,
  recordingAck,
  recordingClient,
  recordingRespond,
  recordingStarter,
} from '../listener-fakes.js';
import { click, RUN } from './button-payloads.js';

const PROJECT = 'sector_momentum';
/** What an S3 presign made at NOW with a Lambda role's session looks like. */
const SIGNED_AT = '20260302T100000Z';

let folder: string;
let disk: ArtifactStore;
let signed: Array<{ key: string; expiresInSeconds: number | undefined }>;
let listed: string[];
let read: string[];
/** The disk store, with links made the way S3 makes them (a disk link is a path and never expires). */
let store: ArtifactStore;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'quantcoder-fresh-link-'));
  disk = createDiskArtifactStore(folder);
  signed = [];
  listed = [];
  read = [];
  store = {
    ...disk,
    list(prefix) {
      listed.push(prefix);
      return disk.list(prefix);
    },
    read(key) {
      read.push(key);
      return disk.read(key);
    },
    async link(ref, options) {
      signed.push({ key: ref.key, expiresInSeconds: options?.expiresInSeconds });
      const expires = options?.expiresInSeconds ?? 86_400;
      return `https://artifacts.example/${ref.key}?X-Amz-Date=${SIGNED_AT}&X-Amz-Expires=${expires}&X-Amz-Security-Token=session`;
    },
  };
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** A finished run of the button's thread, as the Report stage records it: with a zip or without. */
async function finishRun(options: { zip: boolean; plan?: boolean }): Promise<ArtifactRef | undefined> {
  const runId = RUN.runId;
  let state: RunState = initialState({
    runId,
    request: { idea: 'momentum', source: 'slack', requestedAt: NOW.toISOString() },
    limits: DEFAULT_LIMITS,
  });
  if (options.plan !== false) {
    const plan = await putJson(disk, runKeys.plan(runId), { projectName: PROJECT });
    state = {
      ...state,
      plan: { ref: plan, projectName: PROJECT, title: 'Momentum', customPortfolio: false },
    };
  }
  await disk.put(runKeys.projectFile(runId, 'main.py'), 'class Momentum: pass\n');
  if (!options.zip) {
    await writeRunSnapshot(state, { store: disk, now: () => NOW }, 'failed');
    return undefined;
  }
  const projectName = options.plan === false ? `quantcoder-${runId}` : PROJECT;
  const zip = await disk.put(runKeys.zip(runId, projectName), Buffer.from('PK zip bytes'));
  state = { ...state, package: { zip, fileName: `${projectName}.zip`, link: 'https://expired.example/' } };
  await writeRunSnapshot(state, { store: disk, now: () => NOW }, 'succeeded');
  return zip;
}

/** Removes the zip from a run's record, as records written before they named zips are. */
async function forgetZipInRecord(): Promise<void> {
  const key = `snapshots/runs/${RUN.runId}/snapshot.json`;
  const record = await disk.read(key);
  if (!record) throw new Error('the run has no record');
  const { zip: _zip, ...older } = JSON.parse(record.toString('utf8'));
  await putJson(disk, key, older);
}

async function press(options: { store?: ArtifactStore | undefined; value?: string } = {}) {
  const { ack, answers } = recordingAck<void>();
  const { client } = recordingClient();
  const { respond, responses } = recordingRespond();
  const logger = recordingLogger();
  const chosen = 'store' in options ? options.store : store;
  const deps = {
    ...listenerDeps(recordingStarter().starter),
    logger,
    store: chosen === undefined ? undefined : async () => chosen,
  };
  await freshZipLinkButton(deps)({
    body: click(ACTION_IDS.freshZipLink, options.value === undefined ? {} : { value: options.value }),
    ack,
    client,
    respond,
  });
  return { answers, responses, logger };
}

describe('the "Fresh download link" button', () => {
  it('signs a new one-hour link to the run zip its record names, and answers it to the clicker alone', async () => {
    // Prepare
    const zip = await finishRun({ zip: true });

    // Act
    const { answers, responses } = await press();

    // Assess
    expect(answers).toEqual([undefined]);
    expect(signed).toEqual([{ key: zip?.key, expiresInSeconds: FRESH_LINK_SECONDS }]);
    expect(FRESH_LINK_SECONDS).toBe(3600);
    expect(listed).toEqual([]);
    expect(read).toEqual([`snapshots/runs/${RUN.runId}/snapshot.json`]);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = responses[0]?.text ?? '';
    expect(text).toContain(`<https://artifacts.example/${RUN.runId}/${PROJECT}.zip?X-Amz-Date=${SIGNED_AT}`);
    expect(text).toContain(`|Download ${PROJECT}.zip>`);
    const inAnHour = (NOW.getTime() + 3_600_000) / 1000;
    expect(text).toContain(`link expires <!date^${inAnHour}^`);
    expect(text).toContain('at the latest');
  });

  it.each([
    ['with a plan', true, `${PROJECT}.zip`],
    ['without a plan', false, `quantcoder-${RUN.runId}.zip`],
  ])(
    'finds the zip in the run folder when the run record predates zips in records (%s)',
    async (_label, plan, name) => {
      // Prepare
      await finishRun({ zip: true, plan });
      await forgetZipInRecord();

      // Act
      const { responses } = await press();

      // Assess
      expect(signed).toEqual([{ key: `${RUN.runId}/${name}`, expiresInSeconds: FRESH_LINK_SECONDS }]);
      expect(listed).toEqual([RUN.runId]);
      expect(read).toEqual([`snapshots/runs/${RUN.runId}/snapshot.json`, `${RUN.runId}/${name}`]);
      expect(responses[0]?.text).toContain(`Download ${name}`);
    },
  );

  it('says the run produced no zip and where its files are', async () => {
    // Prepare
    await finishRun({ zip: false });

    // Act
    const { responses } = await press();

    // Assess
    expect(signed).toEqual([]);
    expect(responses.map((response) => response.text)).toEqual([
      `Run \`${RUN.runId}\` produced no zip. Its files are in \`${disk.locate(`${RUN.runId}/project`)}\`.`,
    ]);
  });

  it('says when the run has no record: still running, or expired', async () => {
    // Act
    const { responses } = await press();

    // Assess
    expect(signed).toEqual([]);
    expect(responses[0]?.text).toBe(
      `Run \`${RUN.runId}\` has no record of a finished run: it may still be running, or its files have expired.`,
    );
  });

  it('says downloads are not set up when the Slack app has no artifact store', async () => {
    // Prepare
    await finishRun({ zip: true });

    // Act
    const { answers, responses } = await press({ store: undefined });

    // Assess
    expect(answers).toHaveLength(1);
    expect(responses.map((response) => response.text)).toEqual([DOWNLOADS_NOT_CONFIGURED_TEXT]);
    expect(DOWNLOADS_NOT_CONFIGURED_TEXT).toContain('ARTIFACT_BUCKET');
  });

  it('says the button is unreadable when its value names no run', async () => {
    // Act
    const { responses } = await press({ value: '{"runId":"../etc"}' });

    // Assess
    expect(signed).toEqual([]);
    expect(responses.map((response) => response.text)).toEqual([UNREADABLE_BUTTON_TEXT]);
  });

  it('answers a store failure with what went wrong, logs it, and keeps an unexpected error message private', async () => {
    // Prepare
    const failing = (error: Error): ArtifactStore => ({
      ...store,
      async list() {
        throw error;
      },
      async read() {
        throw error;
      },
    });

    // Act
    const known = await press({
      store: failing(new ArtifactError('S3 failed to read artifact x; try again.')),
    });
    const unknown = await press({ store: failing(new Error('socket hang up at 10.0.0.7')) });

    // Assess
    expect(known.responses.map((response) => response.text)).toEqual([
      'QuantCoder could not make a download link (S3 failed to read artifact x; try again.). Click the button again in a minute.',
    ]);
    expect(unknown.responses.map((response) => response.text)).toEqual([
      'QuantCoder could not make a download link. Click the button again in a minute.',
    ]);
    expect(unknown.logger.entries).toEqual([
      {
        level: 'error',
        message: 'no fresh download link',
        fields: { runId: RUN.runId, error: { name: 'Error', message: 'socket hang up at 10.0.0.7' } },
      },
    ]);
  });
});
