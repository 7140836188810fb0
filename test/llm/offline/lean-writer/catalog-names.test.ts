import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLeanProject } from '../../../../functions/llm/offline/lean-writer/index.js';
import { meanReversionFixed, PLAN_FIXTURES } from '../../../fixtures/plans.js';
import { catalogFindings } from './catalog-checks.js';
import { factsOf, fixtureProject } from './generated-projects.js';
import { type LeanApiExtract, loadLeanApiExtract } from './lean-api-extract.js';
import { pythonFacts, removeTemporaryProjects, writeProjectToTemp } from './python-project.js';

describe('LEAN names in the written projects', () => {
  afterAll(() => {
    removeTemporaryProjects();
  });

  let extract: LeanApiExtract;

  beforeAll(() => {
    extract = loadLeanApiExtract();
  });

  it.each(Object.keys(PLAN_FIXTURES))('are all in the LEAN API catalog for %s', (name) => {
    // Prepare
    const project = fixtureProject(name);
    // Act
    const findings = catalogFindings(project.facts, extract);
    // Assess
    expect(findings).toEqual([]);
  });

  it('use self.<name>( in main.py only for QCAlgorithm members, in their snake_case form', () => {
    // Prepare
    const project = fixtureProject('meanReversionFixed');
    const calls = factsOf(project, 'main.py').calls.filter((call) => call.object === 'self');
    // Assess
    expect(calls.length).toBeGreaterThan(5);
    for (const call of calls) {
      expect(call.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(extract.types.QCAlgorithm?.[call.name]?.kind, call.name).toBe('method');
    }
  });

  it('use enum members only in their UPPER alias form', () => {
    for (const name of Object.keys(PLAN_FIXTURES)) {
      const project = fixtureProject(name);
      for (const file of Object.values(project.facts)) {
        for (const use of file.static_members.filter(
          (member) => extract.types[member.type]?.[member.member]?.kind === 'enum_member',
        )) {
          expect(use.member, `${use.type}.${use.member}`).toMatch(/^[A-Z][A-Z0-9_]*$/);
        }
      }
    }
  });

  it('catch names the catalog does not have (negative control)', () => {
    // Prepare: break a written project the ways a model might.
    const files = writeLeanProject(meanReversionFixed).map((file) => {
      if (file.name === 'main.py') {
        return {
          ...file,
          content: file.content
            .replace('Resolution.DAILY', 'Resolution.Daily_')
            .replace('self.set_cash(', 'self.set_starting_cash(')
            .replace('ImmediateExecutionModel()', 'ImmediateExecutionModel(True, 2)'),
        };
      }
      if (file.name === 'alpha.py') {
        return {
          ...file,
          content: file.content
            .replace('algorithm.sma(', 'algorithm.simple_moving_average(')
            .replace('.current.value', '.current.valu')
            .replace('InsightDirection.FLAT', 'InsightDirection.NEUTRAL')
            .replace('weight=weight)', 'weighting=weight)')
            .replace('self._expiry = ', 'self._expire = '),
        };
      }
      return file;
    });
    files.push({
      name: 'broken.py',
      content: [
        'from AlgorithmImports import *',
        '',
        '',
        'class Broken(RiskManagementModel):',
        '    def __init__(self) -> None:',
        '        super().__init__(0.1)',
        '        self.manage = MysteryHelper()',
        '',
        '    def manage(self, algorithm: QCAlgorithm) -> None:',
        '        pass',
        '',
      ].join('\n'),
    });
    const directory = writeProjectToTemp('negative-control', files);
    // Act
    const findings = catalogFindings(pythonFacts(directory), extract);
    // Assess
    const checks = new Set(findings.map((finding) => finding.check));
    expect([...checks].sort()).toEqual(
      [
        'algorithm-member',
        'attribute',
        'constructor',
        'global-name',
        'self-attribute',
        'shadowed-method',
        'static-call',
        'static-member',
        'super-init',
      ].sort(),
    );
    expect(findings.map((finding) => finding.message).join('\n')).toMatch(/Resolution\.Daily_/);
  });
});
