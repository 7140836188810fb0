import { describe, expect, it } from 'vitest';
import { writeAlpha } from '../../functions/agents/alpha/index.js';
import { planStrategy } from '../../functions/agents/coordinator/index.js';
import { repairIntegration } from '../../functions/agents/integration/index.js';
import { contractFor, Plan } from '../../functions/agents/plan.js';
import { runAgent } from '../../functions/agents/run-agent.js';
import { renderSharedContext } from '../../functions/agents/shared-context.js';
import { writeStrategy } from '../../functions/agents/strategy/index.js';
import { GeneratedFile } from '../../functions/agents/tasks.js';
import { planFromIdea } from '../../functions/llm/offline/plan-from-idea.js';
import { ModelOutputError } from '../../functions/shared/errors.js';
import { FakeModel } from './fake-model.js';

const DEFAULTS = { startDate: '2019-01-01', endDate: '2024-12-31', cash: 100_000 };
const PLAN = planFromIdea(
  'Momentum on the 100 most liquid US stocks, 20-day lookback, monthly rebalance',
  DEFAULTS,
);
const ALPHA_CONTRACT = contractFor(PLAN, 'alpha');
if (!ALPHA_CONTRACT) throw new Error('the fixture plan has no alpha.py');

function moduleFor(className: string, baseClass: string): string {
  return `from AlgorithmImports import *\n\n\nclass ${className}(${baseClass}):\n    pass\n`;
}

describe('runAgent', () => {
  it('returns the parsed answer and one call’s usage under the request’s role', async () => {
    // Prepare
    const model = new FakeModel(() => ({ className: 'A', code: 'x = 1', notes: '' }), {
      inputTokens: 1500,
      outputTokens: 420,
      cachedInputTokens: 1024,
    });

    // Act
    const result = await runAgent(model, {
      role: 'alpha',
      system: 'system',
      sharedContext: renderSharedContext(),
      messages: [{ role: 'user', content: 'write' }],
      schema: GeneratedFile,
      schemaName: 'GeneratedFile',
      task: { kind: 'component', owner: 'alpha', plan: PLAN, contract: ALPHA_CONTRACT },
    });

    // Assess
    expect(result.output).toEqual({ className: 'A', code: 'x = 1', notes: '' });
    expect(result.usage).toEqual({
      role: 'alpha',
      provider: 'fake',
      model: 'fake-model-1',
      calls: 1,
      inputTokens: 1500,
      outputTokens: 420,
      cachedInputTokens: 1024,
    });
  });

  it('throws ModelOutputError when the answer does not match the schema', async () => {
    // Prepare
    const model = new FakeModel(() => ({ className: 'A' }));

    // Act
    const attempt = writeAlpha(PLAN, model);

    // Assess
    await expect(attempt).rejects.toThrow(ModelOutputError);
    await expect(writeAlpha(PLAN, model)).rejects.toThrow(/does not match GeneratedFile/);
  });
});

describe('file writers', () => {
  it('accept a file whose class is the contract’s, removing a Markdown fence', async () => {
    // Prepare
    const model = new FakeModel(() => ({
      className: 'MomentumAlphaModel',
      code: `\`\`\`python\n${moduleFor('MomentumAlphaModel', 'AlphaModel')}\`\`\``,
      notes: 'ranked by rate of change',
    }));

    // Act
    const { output, usage } = await writeAlpha(PLAN, model);

    // Assess
    expect(output.code).toBe(moduleFor('MomentumAlphaModel', 'AlphaModel'));
    expect(usage).toMatchObject({ role: 'alpha', calls: 1 });
    expect(model.requests[0]).toMatchObject({ role: 'alpha', schemaName: 'GeneratedFile' });
    expect(model.requests[0]?.task).toMatchObject({ kind: 'component', owner: 'alpha' });
  });

  it('reject a class name other than the contract’s, naming both', async () => {
    // Prepare
    const model = new FakeModel(() => ({
      className: 'RsiAlphaModel',
      code: moduleFor('RsiAlphaModel', 'AlphaModel'),
      notes: '',
    }));

    // Act
    const attempt = writeAlpha(PLAN, model);

    // Assess
    await expect(attempt).rejects.toThrow(ModelOutputError);
    await expect(writeAlpha(PLAN, model)).rejects.toThrow(
      'The alpha agent named its class "RsiAlphaModel", but the contract for alpha.py names MomentumAlphaModel.',
    );
  });

  it('reject code that does not define the class it names', async () => {
    // Prepare
    const strategy = contractFor(PLAN, 'strategy');
    const model = new FakeModel(() => ({
      className: strategy?.className,
      code: 'from AlgorithmImports import *\n',
      notes: '',
    }));

    // Act
    const attempt = writeStrategy(PLAN, model);

    // Assess
    await expect(attempt).rejects.toThrow(/does not define class/);
  });
});

describe('planStrategy', () => {
  it('derives the contract from the spec the model returns, whatever contract came with it', async () => {
    // Prepare: a model that also sends a contract, with main.py misnamed; only the spec counts
    const answer = structuredClone(PLAN);
    answer.contract.files = answer.contract.files.map((file) =>
      file.owner === 'strategy' ? { ...file, file: 'algorithm.py', baseClass: 'QCAlgorithmFramework' } : file,
    );
    const model = new FakeModel(() => answer);

    // Act
    const { output, usage } = await planStrategy({ idea: 'momentum', defaults: DEFAULTS }, model);

    // Assess
    expect(Plan.parse(output)).toEqual(output);
    expect(contractFor(output, 'strategy')).toMatchObject({ file: 'main.py', baseClass: 'QCAlgorithm' });
    expect(output.contract.files.map((file) => file.file)).toEqual(
      PLAN.portfolio.custom
        ? ['universe.py', 'alpha.py', 'portfolio.py', 'risk.py', 'main.py']
        : ['universe.py', 'alpha.py', 'risk.py', 'main.py'],
    );
    expect(usage.role).toBe('coordinator');
    expect(model.requests[0]).toMatchObject({
      role: 'coordinator',
      schemaName: 'PlanDraft',
      task: { kind: 'plan', idea: 'momentum' },
    });
  });

  it('keeps the class names of an earlier plan when refining it', async () => {
    // Prepare
    const previousPlan = structuredClone(PLAN);
    previousPlan.contract.files = previousPlan.contract.files.map((file) =>
      file.owner === 'risk' ? { ...file, className: 'HouseStopRiskModel' } : file,
    );
    const model = new FakeModel(() => PLAN);

    // Act
    const { output } = await planStrategy({ idea: 'add a 5% stop', defaults: DEFAULTS, previousPlan }, model);

    // Assess
    expect(contractFor(output, 'risk')?.className).toBe('HouseStopRiskModel');
  });
});

describe('repairIntegration', () => {
  const files = [
    { name: 'main.py', content: moduleFor('MomentumTopUsStocksAlgorithm', 'QCAlgorithm') },
    { name: 'alpha.py', content: moduleFor('MomentumAlphaModel', 'AlphaModel') },
  ];
  const problems = [
    {
      file: 'main.py',
      line: 3,
      column: 0,
      severity: 'error' as const,
      rule: 'import-unresolved',
      message: 'alpha has no MomentumAlpha',
      source: 'static' as const,
    },
  ];

  it('returns only known project files', async () => {
    // Prepare
    const model = new FakeModel(() => ({
      files: [{ file: 'main.py', code: 'fixed' }],
      notes: 'fixed the import',
    }));

    // Act
    const { output, usage } = await repairIntegration(PLAN, files, problems, model);

    // Assess
    expect(output).toEqual({ files: [{ file: 'main.py', code: 'fixed\n' }], notes: 'fixed the import' });
    expect(usage.role).toBe('integration');
  });

  it('rejects a file the project does not have', async () => {
    // Prepare
    const model = new FakeModel(() => ({ files: [{ file: '../etc/passwd', code: 'x' }], notes: '' }));

    // Act
    const attempt = repairIntegration(PLAN, files, problems, model);

    // Assess
    await expect(attempt).rejects.toThrow(ModelOutputError);
  });
});
