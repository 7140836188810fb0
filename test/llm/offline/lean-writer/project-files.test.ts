import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractFor, type Plan } from '../../../../functions/agents/plan.js';
import { writeLeanFile, writeLeanProject } from '../../../../functions/llm/offline/lean-writer/index.js';
import { PLAN_FIXTURES } from '../../../fixtures/plans.js';
import { factsOf, fileNamed, fixtureProject, type GeneratedProject } from './generated-projects.js';
import { removeTemporaryProjects } from './python-project.js';

const BASE_OF_OWNER = {
  alpha: ['AlphaModel'],
  portfolio: ['PortfolioConstructionModel'],
  risk: ['RiskManagementModel'],
  strategy: ['QCAlgorithm'],
  universe: ['ManualUniverseSelectionModel', 'FundamentalUniverseSelectionModel'],
} as const;

describe.each(Object.keys(PLAN_FIXTURES))('the LEAN project written for %s', (name) => {
  afterAll(() => {
    removeTemporaryProjects();
  });

  const plan = PLAN_FIXTURES[name] as Plan;
  let project: GeneratedProject;

  beforeAll(() => {
    // Prepare / Act: write, byte-compile (python3 -m py_compile) and analyse every file.
    project = fixtureProject(name);
  });

  it('has exactly the contract files, each byte-compiling', () => {
    // Assess
    expect(project.files.map((file) => file.name)).toEqual(plan.contract.files.map((file) => file.file));
  });

  it('starts every file with the QuantConnect import region and a module docstring', () => {
    for (const file of project.files) {
      const lines = file.content.split('\n');
      expect(lines.slice(0, 3), file.name).toEqual([
        '# region imports',
        'from AlgorithmImports import *',
        '# endregion',
      ]);
      expect(lines[3], file.name).toMatch(/^"""\S/);
    }
  });

  it('defines each contract class at the top level with a base suited to its role', () => {
    for (const contract of plan.contract.files) {
      const classes = factsOf(project, contract.file).classes;
      const defined = classes.find((entry) => entry.name === contract.className);
      expect(defined, `${contract.file} defines ${contract.className}`).toBeDefined();
      expect(BASE_OF_OWNER[contract.owner]).toContain(defined?.bases[0]);
      expect(fileNamed(project, contract.file)).toMatch(new RegExp(`^class ${contract.className}\\(`, 'm'));
    }
  });

  it('imports exactly the contract classes into main.py, each from its own module', () => {
    const main = factsOf(project, 'main.py');
    const expected = plan.contract.files
      .filter((file) => file.owner !== 'strategy')
      .map((file) => ({ module: file.file.replace(/\.py$/, ''), names: [file.className] }))
      .sort((left, right) => left.module.localeCompare(right.module));
    expect(main.imports).toEqual(expected);
  });

  it('constructs every component in main.py with exactly the contract keywords and values', () => {
    const constructions = factsOf(project, 'main.py').constructions;
    for (const contract of plan.contract.files.filter((file) => file.owner !== 'strategy')) {
      const calls = constructions.filter((call) => call.callee === contract.className);
      expect(calls, contract.className).toHaveLength(1);
      const expected = Object.fromEntries(
        contract.constructorParameters.map((parameter) => [parameter.name, parameter.value]),
      );
      expect(calls[0]?.keywords).toEqual(expected);
      expect(calls[0]?.positional).toBe(0);
    }
  });

  it('accepts the contract keywords in each constructor, in contract order', () => {
    for (const contract of plan.contract.files.filter((file) => file.owner !== 'strategy')) {
      const code = fileNamed(project, contract.file);
      const classStart = code.indexOf(`class ${contract.className}(`);
      const signature = /def __init__\(([\s\S]*?)\) -> None:/.exec(code.slice(classStart))?.[1] ?? '';
      const names = [...signature.matchAll(/(\w+):/g)].map((match) => match[1]);
      expect(names, contract.file).toEqual(contract.constructorParameters.map((parameter) => parameter.name));
    }
  });

  it('sets the backtest window, cash, benchmark, daily resolution and execution in main.py', () => {
    const main = fileNamed(project, 'main.py');
    const [startYear, startMonth, startDay] = plan.backtest.startDate.split('-').map(Number);
    expect(main).toContain(`self.set_start_date(${startYear}, ${startMonth}, ${startDay})`);
    expect(main).toContain(`self.set_end_date(${plan.backtest.endDate.split('-').map(Number).join(', ')})`);
    expect(main).toContain(`self.set_cash(${plan.backtest.cash})`);
    expect(main).toContain(`self.set_benchmark("${plan.backtest.benchmark}")`);
    expect(main).toContain('self.universe_settings.resolution = Resolution.DAILY');
    expect(main).toContain('self.set_execution(ImmediateExecutionModel())');
  });

  it('keeps to PEP8 layout: four-space indents, lines of at most 99 characters, one final newline', () => {
    for (const file of project.files) {
      const lines = file.content.split('\n');
      expect(file.content.endsWith('\n') && !file.content.endsWith('\n\n'), file.name).toBe(true);
      for (const [index, line] of lines.entries()) {
        const where = `${file.name}:${index + 1}`;
        expect(line.length, where).toBeLessThanOrEqual(99);
        expect(line, where).not.toMatch(/\t|\s$/);
        expect((/^ */.exec(line)?.[0].length ?? 0) % 4, where).toBe(0);
      }
    }
  });

  it('writes the same bytes for the same plan, and for a deep copy of it', () => {
    // Act
    const again = writeLeanProject(plan);
    const fromCopy = writeLeanProject(structuredClone(plan));
    // Assess
    expect(again).toEqual(project.files);
    expect(fromCopy).toEqual(project.files);
  });

  it('names the contract class in every GeneratedFile and explains its choices in notes', () => {
    for (const contract of plan.contract.files) {
      const written = writeLeanFile(plan, contract);
      expect(written.className).toBe(contract.className);
      expect(written.notes.length).toBeGreaterThan(10);
    }
  });

  it('wires the custom portfolio model when the contract has one, else a built-in with the cadence', () => {
    const main = fileNamed(project, 'main.py');
    const portfolio = contractFor(plan, 'portfolio');
    const bias = plan.strategy.direction === 'long_only' ? 'PortfolioBias.LONG' : 'PortfolioBias.LONG_SHORT';
    const cadence = {
      daily: 'Resolution.DAILY',
      weekly: 'Expiry.END_OF_WEEK',
      monthly: 'Expiry.END_OF_MONTH',
    };
    if (portfolio)
      expect(main).toMatch(new RegExp(`self\\.set_portfolio_construction\\(\\s*${portfolio.className}\\(`));
    else {
      const call = `PortfolioConstructionModel\\(\\s*${cadence[plan.strategy.rebalance]},\\s*${bias},?\\s*\\)`;
      expect(main).toMatch(new RegExp(call));
    }
  });
});
