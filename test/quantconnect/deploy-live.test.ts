import { afterEach, describe, expect, it } from 'vitest';
import type { SourceFile } from '../../functions/agents/tasks.js';
import {
  checkLiveDeployAllowed,
  deployProjectLive,
  LiveDeployBuildError,
  LiveDeployCompileTimeoutError,
} from '../../functions/quantconnect/deploy-live.js';
import { EmulatedRequestError } from '../../functions/quantconnect/emulator/emulated-request-error.js';
import {
  type QuantConnectEmulator,
  startQuantConnectEmulator,
} from '../../functions/quantconnect/emulator/http/emulator-server.js';
import { createInProcessEmulator } from '../../functions/quantconnect/emulator/in-process-emulator.js';
import { NoLiveNodeError } from '../../functions/quantconnect/live-request.js';
import type { QuantConnect } from '../../functions/quantconnect/port.js';
import { pushProject } from '../../functions/quantconnect/push-project.js';
import { QuantConnectClient } from '../../functions/quantconnect/rest/client.js';
import { QuantConnectRequestError } from '../../functions/quantconnect/rest/errors.js';
import { createRestQuantConnect } from '../../functions/quantconnect/rest/rest-quantconnect.js';
import { ConfigurationError, UserInputError } from '../../functions/shared/errors.js';
import type { Diagnostic } from '../../functions/validator/diagnostic.js';
import { ALPHA_PY, tradingMain, virtualTime } from './emulator/emulator-fixture.js';

const FILES: SourceFile[] = [
  { name: 'main.py', content: tradingMain() },
  { name: 'alpha.py', content: ALPHA_PY },
];

/** Stands in for QuantConnect's compiler: every line holding BROKEN is a build error at that line. */
function brokenLines(files: SourceFile[]): Diagnostic[] {
  return files.flatMap((file) =>
    file.content.split('\n').flatMap((text, index) =>
      text.includes('BROKEN')
        ? [
            {
              file: file.name,
              line: index + 1,
              column: 1,
              severity: 'error' as const,
              rule: 'syntax',
              message: 'SyntaxError: invalid syntax',
              source: 'static' as const,
            },
          ]
        : [],
    ),
  );
}

const emulators: QuantConnectEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((emulator) => emulator.close()));
});

/** The HTTP emulator on loopback, spoken to through the real REST client. */
async function overHttp(options: { compileSeconds?: number } = {}) {
  const emulator = await startQuantConnectEmulator({
    compileCheck: brokenLines,
    readsUntilDone: 1,
    ...options,
  });
  emulators.push(emulator);
  const client = new QuantConnectClient({
    userId: emulator.userId,
    apiToken: emulator.apiToken,
    baseUrl: emulator.url,
  });
  const quantConnect = createRestQuantConnect(client, { emulated: true, webUrl: emulator.webUrl });
  return { emulator, client, quantConnect };
}

function inProcess(): QuantConnect {
  return createInProcessEmulator({ compileCheck: brokenLines, readsUntilDone: 1 });
}

describe('deployProjectLive over the HTTP emulator and the REST client', () => {
  it('compiles the project, picks the free live node and paper-trades it', async () => {
    // Prepare
    const { emulator, client, quantConnect } = await overHttp();
    const { projectId } = await pushProject(quantConnect, 'live-paper', FILES);
    const time = virtualTime();

    // Act
    const deployment = await deployProjectLive(quantConnect, { projectId, brokerage: 'paper', ...time });

    // Assess
    expect(deployment).toMatchObject({
      projectId,
      brokerage: 'paper',
      emulated: true,
      url: `${emulator.webUrl}project/${projectId}/live`,
    });
    expect(deployment.deployId).toMatch(/^L-[0-9a-f]{32}$/);
    expect(deployment.nodeId).toMatch(/^LN-[0-9a-f]{32}$/);
    expect(deployment.compileId).toMatch(/^[0-9a-f]{32}-[0-9a-f]{32}$/);
    expect(emulator.requests).toMatchObject({
      'compile/create': 1,
      'projects/nodes/read': 1,
      'live/create': 1,
    });
    const live = await client.readLive(projectId, deployment.deployId);
    expect(live.deployId).toBe(deployment.deployId);
  });

  it('deploys a given compile without compiling again', async () => {
    // Prepare
    const { emulator, quantConnect } = await overHttp();
    const { projectId } = await pushProject(quantConnect, 'live-compiled', FILES);
    const { compileId } = await quantConnect.createCompile(projectId);
    await quantConnect.readCompile(projectId, compileId);

    // Act
    const deployment = await deployProjectLive(quantConnect, {
      projectId,
      compileId,
      brokerage: 'paper',
      ...virtualTime(),
    });

    // Assess
    expect(deployment.compileId).toBe(compileId);
    expect(emulator.requests['compile/create']).toBe(1);
    expect(emulator.requests['live/create']).toBe(1);
  });

  it('turns a build error into diagnostics at file and line, and deploys nothing', async () => {
    // Prepare
    const { emulator, quantConnect } = await overHttp();
    const alpha = `${ALPHA_PY}\ndef BROKEN(:\n`;
    const brokenLine = alpha.split('\n').findIndex((line) => line.includes('BROKEN')) + 1;
    const { projectId } = await pushProject(quantConnect, 'live-broken', [
      { name: 'main.py', content: tradingMain() },
      { name: 'alpha.py', content: alpha },
    ]);

    // Act
    const failure = await deployProjectLive(quantConnect, {
      projectId,
      brokerage: 'paper',
      ...virtualTime(),
    }).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(LiveDeployBuildError);
    expect(failure).toBeInstanceOf(UserInputError);
    const diagnostics = failure instanceof LiveDeployBuildError ? failure.diagnostics : [];
    expect(diagnostics).toEqual([
      expect.objectContaining({ file: 'alpha.py', line: brokenLine, source: 'compile', severity: 'error' }),
    ]);
    expect(emulator.requests['live/create']).toBeUndefined();
  });

  it('gives up on a compile that stays queued, names the compile to deploy later, and deploys nothing', async () => {
    // Prepare
    const { emulator, quantConnect } = await overHttp({ compileSeconds: 86_400 });
    const { projectId } = await pushProject(quantConnect, 'live-slow', FILES);
    const time = virtualTime();

    // Act
    const failure = await deployProjectLive(quantConnect, {
      projectId,
      brokerage: 'paper',
      compileTimeoutMs: 30_000,
      ...time,
    }).catch((error: unknown) => error);

    // Assess
    expect(failure).toBeInstanceOf(LiveDeployCompileTimeoutError);
    const compileId = failure instanceof LiveDeployCompileTimeoutError ? failure.compileId : 'missing';
    expect(failure instanceof Error ? failure.message : '').toContain(compileId);
    expect(time.now()).toBeGreaterThanOrEqual(30_000);
    expect(time.sleeps.length).toBeLessThan(20);
    expect(emulator.requests['live/create']).toBeUndefined();
  });

  it("passes the emulator's refusal of a real brokerage through as a request error", async () => {
    // Prepare
    const { quantConnect } = await overHttp();
    const { projectId } = await pushProject(quantConnect, 'live-real', FILES);

    // Act
    const failure = deployProjectLive(quantConnect, {
      projectId,
      brokerage: { id: 'InteractiveBrokersBrokerage', settings: { 'ib-account': 'DU123' } },
      ...virtualTime(),
    });

    // Assess
    await expect(failure).rejects.toBeInstanceOf(QuantConnectRequestError);
    await expect(failure).rejects.toThrow(/QuantConnectBrokerage/);
  });

  it("refuses a node id that is not one of the project's live nodes before calling live/create", async () => {
    // Prepare
    const { emulator, quantConnect } = await overHttp();
    const { projectId } = await pushProject(quantConnect, 'live-node', FILES);

    // Act
    const failure = deployProjectLive(quantConnect, {
      projectId,
      brokerage: 'paper',
      nodeId: 'LN-nosuchnode',
      ...virtualTime(),
    });

    // Assess
    await expect(failure).rejects.toBeInstanceOf(NoLiveNodeError);
    await expect(failure).rejects.toThrow(/LN-nosuchnode.*quantconnect\.com/);
    expect(emulator.requests['live/create']).toBeUndefined();
  });
});

describe('deployProjectLive in the in-process emulator', () => {
  it('paper-trades a pushed project, labelled emulated', async () => {
    // Prepare
    const quantConnect = inProcess();
    const { projectId } = await pushProject(quantConnect, 'in-process-live', FILES);

    // Act
    const deployment = await deployProjectLive(quantConnect, {
      projectId,
      brokerage: 'paper',
      ...virtualTime(),
    });

    // Assess
    expect(deployment).toMatchObject({
      projectId,
      brokerage: 'paper',
      status: 'InQueue',
      emulated: true,
      url: `https://www.quantconnect.com/project/${projectId}/live`,
    });
    expect(deployment.nodeId).toMatch(/^LN-/);
  });

  it('refuses a second deployment of a running project and any real brokerage', async () => {
    // Prepare
    const quantConnect = inProcess();
    const { projectId } = await pushProject(quantConnect, 'in-process-twice', FILES);
    await deployProjectLive(quantConnect, { projectId, brokerage: 'paper', ...virtualTime() });

    // Act
    const second = deployProjectLive(quantConnect, { projectId, brokerage: 'paper', ...virtualTime() });
    const real = deployProjectLive(quantConnect, {
      projectId,
      brokerage: { id: 'OandaBrokerage', settings: {} },
      ...virtualTime(),
    });

    // Assess
    await expect(second).rejects.toThrow(/already has a live algorithm/);
    await expect(real).rejects.toBeInstanceOf(EmulatedRequestError);
  });
});

describe('checkLiveDeployAllowed', () => {
  const real = { id: 'InteractiveBrokersBrokerage', settings: {} };

  it('refuses while QUANTCODER_ALLOW_LIVE_DEPLOY is unset or not true/1, naming it', () => {
    // Prepare
    const environments = [{}, { QUANTCODER_ALLOW_LIVE_DEPLOY: 'yes' }, { QUANTCODER_ALLOW_LIVE_DEPLOY: ' ' }];

    // Act
    const checks = environments.map(
      (environment) => () => checkLiveDeployAllowed(environment, { confirmed: true, brokerage: 'paper' }),
    );

    // Assess
    for (const check of checks) {
      expect(check).toThrow(ConfigurationError);
      expect(check).toThrow(/QUANTCODER_ALLOW_LIVE_DEPLOY=true/);
    }
  });

  it('asks for confirm: true when the setting is on but the request is not confirmed', () => {
    // Prepare
    const environment = { QUANTCODER_ALLOW_LIVE_DEPLOY: '1' };

    // Act
    const check = () => checkLiveDeployAllowed(environment, { confirmed: false, brokerage: 'paper' });

    // Assess
    expect(check).toThrow(UserInputError);
    expect(check).toThrow(/confirm: true/);
  });

  it('allows confirmed paper with the setting, but a real brokerage only with the second setting', () => {
    // Prepare
    const liveOnly = { QUANTCODER_ALLOW_LIVE_DEPLOY: 'TRUE' };
    const both = { ...liveOnly, QUANTCODER_ALLOW_REAL_MONEY_DEPLOY: 'true' };

    // Act
    const paper = () => checkLiveDeployAllowed(liveOnly, { confirmed: true, brokerage: 'paper' });
    const paperById = () =>
      checkLiveDeployAllowed(liveOnly, {
        confirmed: true,
        brokerage: { id: 'QuantConnectBrokerage', settings: {} },
      });
    const realWithoutSecond = () => checkLiveDeployAllowed(liveOnly, { confirmed: true, brokerage: real });
    const realWithBoth = () => checkLiveDeployAllowed(both, { confirmed: true, brokerage: real });
    const realUnconfirmed = () => checkLiveDeployAllowed(both, { confirmed: false, brokerage: real });

    // Assess
    expect(paper).not.toThrow();
    expect(paperById).not.toThrow();
    expect(realWithoutSecond).toThrow(ConfigurationError);
    expect(realWithoutSecond).toThrow(
      /QUANTCODER_ALLOW_REAL_MONEY_DEPLOY=true.*InteractiveBrokersBrokerage|InteractiveBrokersBrokerage.*QUANTCODER_ALLOW_REAL_MONEY_DEPLOY=true/,
    );
    expect(realWithBoth).not.toThrow();
    expect(realUnconfirmed).toThrow(/confirm: true/);
  });
});
