import { describe, expect, it, vi } from 'vitest';
import { contractFor, type FileContract, Plan } from '../../functions/agents/plan.js';
import {
  type AgentTask,
  GeneratedFile,
  IntegrationRepair,
  type PlanDefaults,
} from '../../functions/agents/tasks.js';
import { sharedContextText } from '../../functions/llm/model.js';
import { writeLeanFile } from '../../functions/llm/offline/lean-writer/index.js';
import { createOfflineModel, OFFLINE_MODEL_ID, OFFLINE_PROVIDER } from '../../functions/llm/offline-model.js';
import { ModelOutputError } from '../../functions/shared/errors.js';
import type { Diagnostic } from '../../functions/validator/diagnostic.js';
import { crossoverSector, momentumTopVolume } from '../fixtures/plans.js';
import { modelRequest } from './model-requests.js';

const DEFAULTS: PlanDefaults = { startDate: '2020-01-01', endDate: '2024-12-31', cash: 50_000 };

function contract(plan: Plan, owner: FileContract['owner']): FileContract {
  const found = contractFor(plan, owner);
  if (!found) throw new Error(`fixture has no ${owner} contract`);
  return found;
}

function diagnostic(file: string, message: string): Diagnostic {
  return { file, line: 3, column: 1, severity: 'error', rule: 'syntax', message, source: 'static' };
}

describe('createOfflineModel', () => {
  it('names itself offline / quantcoder-offline-1', () => {
    const model = createOfflineModel({ planFromIdea: () => momentumTopVolume });
    expect([model.provider, model.modelId]).toEqual([OFFLINE_PROVIDER, OFFLINE_MODEL_ID]);
    expect([OFFLINE_PROVIDER, OFFLINE_MODEL_ID]).toEqual(['offline', 'quantcoder-offline-1']);
  });

  it('answers a plan task with the idea parser, passing the idea, defaults and previous plan', async () => {
    // Prepare
    const planFromIdea = vi.fn(() => momentumTopVolume);
    const model = createOfflineModel({ planFromIdea });
    const task: AgentTask = {
      kind: 'plan',
      idea: 'make it long-only',
      defaults: DEFAULTS,
      previousPlan: crossoverSector,
    };
    // Act
    const response = await model.generate(modelRequest('coordinator', task, Plan));
    // Assess
    expect(planFromIdea).toHaveBeenCalledWith('make it long-only', DEFAULTS, crossoverSector);
    expect(response.output).toEqual(momentumTopVolume);
    expect(response.provider).toBe('offline');
    expect(response.model).toBe('quantcoder-offline-1');
  });

  it('plans with the real idea parser when none is injected', async () => {
    // Prepare
    const model = createOfflineModel();
    const task: AgentTask = {
      kind: 'plan',
      idea: 'RSI 14 on SPY, buy below 30, sell above 70',
      defaults: DEFAULTS,
    };
    // Act
    const response = await model.generate(modelRequest('coordinator', task, Plan));
    // Assess
    expect(response.output.strategy.kind).toBe('rsi');
    expect(response.output.backtest.cash).toBe(50_000);
  });

  it.each(['universe', 'alpha'] as const)('writes the %s file for a component task', async (owner) => {
    // Prepare
    const model = createOfflineModel({ planFromIdea: () => momentumTopVolume });
    const fileContract = contract(momentumTopVolume, owner);
    const task: AgentTask = { kind: 'component', owner, plan: momentumTopVolume, contract: fileContract };
    // Act
    const response = await model.generate(modelRequest(owner, task, GeneratedFile));
    // Assess
    expect(response.output).toEqual(writeLeanFile(momentumTopVolume, fileContract));
    expect(response.output.className).toBe(fileContract.className);
  });

  it('writes portfolio.py for a portfolio component task and risk.py for a risk task', async () => {
    // Prepare
    const model = createOfflineModel({ planFromIdea: () => crossoverSector });
    const portfolio = contract(crossoverSector, 'portfolio');
    const risk = contract(crossoverSector, 'risk');
    // Act
    const portfolioFile = await model.generate(
      modelRequest(
        'portfolio',
        { kind: 'component', owner: 'portfolio', plan: crossoverSector, contract: portfolio },
        GeneratedFile,
      ),
    );
    const riskFile = await model.generate(
      modelRequest(
        'risk',
        {
          kind: 'risk',
          plan: crossoverSector,
          contract: risk,
          alphaContract: contract(crossoverSector, 'alpha'),
        },
        GeneratedFile,
      ),
    );
    // Assess
    expect(portfolioFile.output.code).toContain(`class ${portfolio.className}(PortfolioConstructionModel):`);
    expect(riskFile.output.code).toContain(`class ${risk.className}(RiskManagementModel):`);
  });

  it('wires exactly the components a strategy task names into main.py', async () => {
    // Prepare
    const model = createOfflineModel();
    const components = [contract(momentumTopVolume, 'universe'), contract(momentumTopVolume, 'alpha')];
    const main = contract(momentumTopVolume, 'strategy');
    const task: AgentTask = { kind: 'strategy', plan: momentumTopVolume, contract: main, components };
    // Act
    const response = await model.generate(modelRequest('strategy', task, GeneratedFile));
    // Assess
    expect(response.output.className).toBe(main.className);
    expect(response.output.code).toContain('from alpha import MomentumAlphaModel');
    expect(response.output.code).toContain('from universe import LiquidUniverseSelectionModel');
    expect(response.output.code).not.toContain('from risk import');
  });

  it('rewrites a broken file from its contract for a refine task', async () => {
    // Prepare
    const model = createOfflineModel();
    const alpha = contract(momentumTopVolume, 'alpha');
    const task: AgentTask = {
      kind: 'refine',
      plan: momentumTopVolume,
      owner: 'alpha',
      contract: alpha,
      file: { name: 'alpha.py', content: 'class MomentumAlphaModel(AlphaModel)\n    pass\n' },
      diagnostics: [diagnostic('alpha.py', "expected ':'"), diagnostic('alpha.py', 'undefined name')],
      otherFiles: [],
    };
    // Act
    const response = await model.generate(modelRequest('refine', task, GeneratedFile));
    // Assess
    expect(response.output.code).toBe(writeLeanFile(momentumTopVolume, alpha).code);
    expect(response.output.notes).toMatch(/^Rewrote alpha\.py from its contract to clear 2 diagnostics\./);
  });

  it('rewrites each contract file an integration task names, once, and leaves other files alone', async () => {
    // Prepare
    const model = createOfflineModel();
    const task: AgentTask = {
      kind: 'integration',
      plan: momentumTopVolume,
      files: [],
      problems: [
        diagnostic('main.py', 'imports a class alpha.py does not define'),
        diagnostic('alpha.py', 'wrong class name'),
        diagnostic('main.py', 'wrong keyword'),
        diagnostic('README.md', 'stale'),
      ],
    };
    // Act
    const response = await model.generate(modelRequest('integration', task, IntegrationRepair));
    // Assess
    expect(response.output.files.map((file) => file.file)).toEqual(['main.py', 'alpha.py']);
    expect(response.output.files[1]?.code).toBe(
      writeLeanFile(momentumTopVolume, contract(momentumTopVolume, 'alpha')).code,
    );
    expect(response.output.notes).toContain('README.md');
  });

  it('checks its answer against the request schema like a vendor answer', async () => {
    // Prepare: a component task sent with the integration schema.
    const model = createOfflineModel();
    const alpha = contract(momentumTopVolume, 'alpha');
    const task: AgentTask = { kind: 'component', owner: 'alpha', plan: momentumTopVolume, contract: alpha };
    // Act
    const answer = model.generate(modelRequest('alpha', task, IntegrationRepair));
    // Assess
    await expect(answer).rejects.toBeInstanceOf(ModelOutputError);
  });

  it('estimates usage from the rendered prompt and the JSON answer, with nothing cached', async () => {
    // Prepare
    const model = createOfflineModel();
    const alpha = contract(momentumTopVolume, 'alpha');
    const request = modelRequest(
      'alpha',
      { kind: 'component', owner: 'alpha', plan: momentumTopVolume, contract: alpha },
      GeneratedFile,
    );
    // Act
    const response = await model.generate(request);
    // Assess
    const prompt = [request.system, sharedContextText(request.sharedContext), 'Write the file.'].join('\n');
    expect(response.usage).toEqual({
      inputTokens: Math.ceil(prompt.length / 4),
      outputTokens: Math.ceil(JSON.stringify(response.output).length / 4),
      cachedInputTokens: 0,
    });
  });

  it('gives the same answer every time', async () => {
    const model = createOfflineModel();
    const task: AgentTask = {
      kind: 'strategy',
      plan: crossoverSector,
      contract: contract(crossoverSector, 'strategy'),
      components: crossoverSector.contract.files.filter((file) => file.owner !== 'strategy'),
    };
    const first = await model.generate(modelRequest('strategy', task, GeneratedFile));
    const second = await createOfflineModel().generate(modelRequest('strategy', task, GeneratedFile));
    expect(second).toEqual(first);
  });

  it('refuses a request whose signal is already aborted', async () => {
    const model = createOfflineModel({ planFromIdea: () => momentumTopVolume });
    const controller = new AbortController();
    controller.abort(new Error('run cancelled'));
    const task: AgentTask = { kind: 'plan', idea: 'x', defaults: DEFAULTS };
    await expect(
      model.generate(modelRequest('coordinator', task, Plan, { signal: controller.signal })),
    ).rejects.toThrow('run cancelled');
  });
});
