import { describe, expect, it } from 'vitest';
import { AGENT_TOOLSET } from '../../functions/agents/agent-outputs.js';
import { writeAlpha } from '../../functions/agents/alpha/index.js';
import { planStrategy } from '../../functions/agents/coordinator/index.js';
import { repairIntegration } from '../../functions/agents/integration/index.js';
import type { Plan } from '../../functions/agents/plan.js';
import { writePortfolio } from '../../functions/agents/portfolio/index.js';
import { refineFile } from '../../functions/agents/refine/index.js';
import { writeRisk } from '../../functions/agents/risk/index.js';
import { writeStrategy } from '../../functions/agents/strategy/index.js';
import type { SourceFile } from '../../functions/agents/tasks.js';
import { writeUniverse } from '../../functions/agents/universe/index.js';
import { type ModelRequest, sharedContextText } from '../../functions/llm/model.js';
import { planFromIdea } from '../../functions/llm/offline/plan-from-idea.js';
import { type Diagnostic, formatDiagnostic } from '../../functions/validator/diagnostic.js';
import { FakeModel, requestCharacters } from './fake-model.js';

const DEFAULTS = { startDate: '2019-01-01', endDate: '2024-12-31', cash: 100_000 };
const FIRST_IDEA =
  'Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance, 10% trailing stop';
const SIZED_IDEA = 'momentum on the S&P 500, 20-day lookback, 2% risk per trade';

const ALPHA_BODY_LINE = '        self.secret_alpha_detail = lookback_days * 2';

function moduleFor(className: string, baseClass: string): string {
  return [
    'from AlgorithmImports import *',
    '',
    '',
    `class ${className}(${baseClass}):`,
    '    def __init__(self, lookback_days=20):',
    '        super().__init__()',
    ALPHA_BODY_LINE,
    '',
    '    def update(self, algorithm, data):',
    '        return []',
    '',
  ].join('\n');
}

/** A model that answers every task correctly, so each agent's request can be inspected. */
function answeringModel(): FakeModel {
  return new FakeModel((request: ModelRequest<unknown>) => {
    const task = request.task;
    if (task.kind === 'plan') return planFromIdea(task.idea, task.defaults, task.previousPlan);
    if (task.kind === 'integration') return { files: [], notes: 'nothing to change' };
    return {
      className: task.contract.className,
      code: moduleFor(task.contract.className, task.contract.baseClass),
      notes: 'written',
    };
  });
}

async function writeAll(plan: Plan, model: FakeModel): Promise<SourceFile[]> {
  const writers = [
    writeUniverse,
    writeAlpha,
    ...(plan.portfolio.custom ? [writePortfolio] : []),
    writeRisk,
    writeStrategy,
  ];
  const files: SourceFile[] = [];
  for (const write of writers) {
    const { output } = await write(plan, model);
    const contract = plan.contract.files.find((file) => file.className === output.className);
    files.push({ name: contract?.file ?? 'unknown.py', content: output.code });
  }
  return files;
}

function userText(request: ModelRequest<unknown> | undefined): string {
  return request?.messages.map((message) => message.content).join('\n') ?? '';
}

describe('agent prompts', () => {
  it('give every file writer the shared context with the contract, its role, task and contract entry', async () => {
    // Prepare
    const plan = planFromIdea(SIZED_IDEA, DEFAULTS);
    const model = answeringModel();

    // Act
    await writeAll(plan, model);

    // Assess
    expect(model.requests.map((request) => [request.role, request.task.kind, request.schemaName])).toEqual([
      ['universe', 'component', 'GeneratedFile'],
      ['alpha', 'component', 'GeneratedFile'],
      ['portfolio', 'component', 'GeneratedFile'],
      ['risk', 'risk', 'GeneratedFile'],
      ['strategy', 'strategy', 'GeneratedFile'],
    ]);
    for (const request of model.requests) {
      expect(sharedContextText(request.sharedContext)).toContain(
        'class RiskPerTradePortfolioConstructionModel(PortfolioConstructionModel)',
      );
      expect(request.system).toContain(`You are QuantCoder's ${request.role} agent`);
    }
    expect(userText(model.requests[1])).toContain('Write alpha.py.');
    expect(userText(model.requests[1])).toContain(
      'Score each symbol by its rate of change over lookback_days',
    );
    expect(userText(model.requests[3])).toContain(
      'The alpha whose positions you protect: alpha.py [alpha]: class MomentumAlphaModel',
    );
    expect(userText(model.requests[4])).toContain(
      "self.set_portfolio_construction(RiskPerTradePortfolioConstructionModel(risk_per_trade=0.02, stop_distance=0.05, max_position_weight=0.1, long_short=False, rebalance='monthly'))",
    );
    expect(userText(model.requests[4])).toContain(
      'from portfolio import RiskPerTradePortfolioConstructionModel',
    );
  });

  it('wire a built-in portfolio model in main.py when there is no portfolio.py', async () => {
    // Prepare
    const plan = planFromIdea(FIRST_IDEA, DEFAULTS);
    const model = answeringModel();

    // Act
    await writeStrategy(plan, model);

    // Assess
    const text = userText(model.requests[0]);
    expect(text).toContain(
      'self.set_portfolio_construction(EqualWeightingPortfolioConstructionModel(Expiry.END_OF_MONTH, PortfolioBias.LONG))',
    );
    expect(text).toContain('self.add_risk_management(StopRiskManagementModel(trailing_stop=0.1))');
    expect(text).toContain(
      'self.set_start_date(2019, 1, 1); self.set_end_date(2024, 12, 31); self.set_cash(100000)',
    );
    expect(text).toContain('self.set_warm_up(21, Resolution.DAILY)');
  });

  it('give refine the diagnostics as formatted, the file’s code and only outlines of the other files', async () => {
    // Prepare
    const plan = planFromIdea(FIRST_IDEA, DEFAULTS);
    const files = await writeAll(plan, answeringModel());
    const alpha = files.find((file) => file.name === 'alpha.py');
    if (!alpha) throw new Error('alpha.py was not written');
    const diagnostics: Diagnostic[] = [
      {
        file: 'alpha.py',
        line: 7,
        column: 8,
        severity: 'error',
        rule: 'unknown-member',
        message: 'no member secret',
        source: 'static',
      },
      {
        file: 'alpha.py',
        line: 9,
        column: 4,
        severity: 'warning',
        rule: 'style',
        message: 'long line',
        source: 'compile',
      },
    ];
    const otherFiles = files
      .filter((file) => file.name !== 'alpha.py')
      .map((file) => ({
        ...file,
        content: file.content.replace(ALPHA_BODY_LINE, '        self.other_body = 1'),
      }));
    const model = answeringModel();

    // Act
    const { output, usage } = await refineFile(
      { plan, owner: 'alpha', file: alpha, diagnostics, otherFiles },
      model,
    );

    // Assess
    const request = model.requests[0];
    const text = userText(request);
    expect(request?.task.kind).toBe('refine');
    expect(request?.system).toContain('alpha guidance:');
    expect(text).toContain(diagnostics.map(formatDiagnostic).join('\n'));
    expect(text).toContain('alpha.py:7:8 error unknown-member no member secret');
    expect(text).toContain(alpha.content.trimEnd());
    expect(text).toContain(
      '# universe.py\nclass TopDollarVolumeUniverseSelectionModel(FundamentalUniverseSelectionModel):',
    );
    expect(text).toContain('    def update(self, algorithm, data):');
    expect(text).not.toContain('self.other_body');
    expect(output.className).toBe('MomentumAlphaModel');
    expect(usage.role).toBe('refine');
  });

  it('give integration the problems and every file in full', async () => {
    // Prepare
    const plan = planFromIdea(FIRST_IDEA, DEFAULTS);
    const files = await writeAll(plan, answeringModel());
    const problem: Diagnostic = {
      file: 'main.py',
      line: 2,
      column: 0,
      severity: 'error',
      rule: 'import-unresolved',
      message: 'cannot import MomentumAlpha from alpha',
      source: 'static',
    };
    const model = answeringModel();

    // Act
    await repairIntegration(plan, files, [problem], model);

    // Assess
    const text = userText(model.requests[0]);
    expect(text).toContain(formatDiagnostic(problem));
    for (const file of files) expect(text).toContain(file.content.trimEnd());
  });

  it('send every role the same toolset and shared blocks, so a vendor cache serves each later call', async () => {
    // Prepare
    const plan = planFromIdea(FIRST_IDEA, DEFAULTS);
    const model = answeringModel();
    const problem: Diagnostic = {
      file: 'alpha.py',
      line: 1,
      column: 0,
      severity: 'error',
      rule: 'unknown-member',
      message: 'no member secret',
      source: 'static',
    };

    // Act
    await planStrategy({ idea: FIRST_IDEA, defaults: DEFAULTS }, model);
    const files = await writeAll(plan, model);
    await repairIntegration(plan, files, [problem], model);
    const alpha = files.find((file) => file.name === 'alpha.py');
    if (!alpha) throw new Error('alpha.py was not written');
    await refineFile({ plan, owner: 'alpha', file: alpha, diagnostics: [problem], otherFiles: [] }, model);

    // Assess
    const [coordinator, ...later] = model.requests;
    expect(later.map((request) => request.schemaName)).toEqual([
      ...files.map(() => 'GeneratedFile'),
      'IntegrationRepair',
      'GeneratedFile',
    ]);
    expect(coordinator?.schemaName).toBe('PlanDraft');
    for (const request of model.requests) {
      expect(request.toolset).toBe(AGENT_TOOLSET);
      const named = request.toolset?.find((entry) => entry.name === request.schemaName);
      expect(named?.schema).toBe(request.schema);
    }
    expect(AGENT_TOOLSET.map((entry) => entry.name)).toEqual([
      'PlanDraft',
      'GeneratedFile',
      'IntegrationRepair',
    ]);
    expect(coordinator?.sharedContext).toHaveLength(1);
    for (const request of later) {
      expect(request.sharedContext).toHaveLength(2);
      expect(request.sharedContext[0]).toBe(coordinator?.sharedContext[0]);
      expect(request.sharedContext).toEqual(later[0]?.sharedContext);
    }
  });

  it('give the coordinator the earlier plan and the change when refining', async () => {
    // Prepare
    const previousPlan = planFromIdea(FIRST_IDEA, DEFAULTS);
    const model = answeringModel();

    // Act
    const { output } = await planStrategy(
      { idea: 'make it long-short', defaults: DEFAULTS, previousPlan },
      model,
    );

    // Assess
    const text = userText(model.requests[0]);
    expect(text).toContain('Change: make it long-short');
    expect(text).toContain(`"projectName":"${previousPlan.projectName}"`);
    expect(sharedContextText(model.requests[0]?.sharedContext ?? [])).not.toContain('Interface contract');
    expect(output.strategy.direction).toBe('long_short');
  });

  it('keep a whole five-file run far below 40k input tokens before caching', async () => {
    // Prepare
    const model = answeringModel();

    // Act
    const { output: plan } = await planStrategy({ idea: SIZED_IDEA, defaults: DEFAULTS }, model);
    await writeAll(plan, model);

    // Assess
    const characters = model.requests.reduce((total, request) => total + requestCharacters(request), 0);
    expect(model.requests).toHaveLength(6);
    expect(characters / 4).toBeLessThan(40_000);
    for (const request of model.requests) expect(requestCharacters(request) / 4).toBeLessThan(3_000);
  });
});
