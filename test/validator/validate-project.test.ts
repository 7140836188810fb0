import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../functions/agents/tasks.js';
import { QuantCoderError } from '../../functions/shared/errors.js';
import {
  type Diagnostic,
  formatDiagnostic,
  PROJECT_RULES,
  START_OF_FILE,
  staticDiagnostic,
  type ValidationRule,
  validateProject,
} from '../../functions/validator/index.js';
import { editFile, loadValidProject, loadValidProjects } from './fixture-projects.js';

/** `file:line:column severity rule`, the part of a diagnostic a seeded mistake pins down exactly. */
function where(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.rule}`;
}

const momentum = loadValidProject('momentum-framework');

describe('validateProject on the corpus of valid projects', () => {
  it.each(loadValidProjects().map((project) => [project.name, project] as const))(
    '%s gives no diagnostic',
    (_name, project) => {
      // Act
      const diagnostics = validateProject(project.files, { contract: project.contract });

      // Assess
      expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    },
  );

  it.each([
    ['Windows line endings', (content: string) => content.replaceAll('\n', '\r\n')],
    ['a byte order mark', (content: string) => `\uFEFF${content}`],
    [
      'tab indentation',
      (content: string) => content.replace(/^(?: {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4)),
    ],
  ])('gives no diagnostic with %s', (_name, transform) => {
    // Prepare
    const projects = loadValidProjects().map((project) => ({
      ...project,
      files: project.files.map((file) => ({ ...file, content: transform(file.content) })),
    }));

    // Act
    const diagnostics = projects.flatMap((project) =>
      validateProject(project.files, { contract: project.contract }),
    );

    // Assess
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
  });

  it('holds framework projects with a contract and single-file algorithms', () => {
    // Act
    const projects = loadValidProjects();

    // Assess
    const framework = projects.filter((project) => project.contract !== undefined);
    const singleFile = projects.filter((project) => project.files.length === 1);
    expect(framework.length).toBeGreaterThanOrEqual(4);
    expect(singleFile.length).toBeGreaterThanOrEqual(4);
    for (const project of framework) {
      const names = project.files.map((file) => file.name);
      expect(names).toEqual(expect.arrayContaining(['main.py', 'alpha.py', 'risk.py']));
    }
  });
});

describe('validateProject on seeded mistakes', () => {
  const contract = momentum.contract;

  it.each<[string, () => SourceFile[], string, string]>([
    [
      'a syntax error (unclosed call)',
      () => editFile(momentum.files, 'main.py', 'self.set_cash(100_000)', 'self.set_cash(100_000'),
      'main.py:17:22 error syntax-error',
      "unclosed '('",
    ],
    [
      'a syntax error (missing colon)',
      () => editFile(momentum.files, 'risk.py', '-> list[PortfolioTarget]:', '-> list[PortfolioTarget]'),
      'risk.py:14:107 error syntax-error',
      "missing ':'",
    ],
    [
      'a syntax error (Python 2 print)',
      () =>
        editFile(
          momentum.files,
          'alpha.py',
          '        if not ready:\n',
          '        print "ready"\n        if not ready:\n',
        ),
      'alpha.py:26:9 error syntax-error',
      'print is a function',
    ],
    [
      'a broken import name',
      () =>
        editFile(
          momentum.files,
          'main.py',
          'from alpha import MomentumAlphaModel',
          'from alpha import MomentumAlpha',
        ),
      'main.py:4:19 error import-unresolved',
      "alpha.py does not define 'MomentumAlpha' (did you mean 'MomentumAlphaModel'?)",
    ],
    [
      'a broken module name',
      () =>
        editFile(
          momentum.files,
          'main.py',
          'from alpha import MomentumAlphaModel',
          'from alhpa import MomentumAlphaModel',
        ),
      'main.py:4:6 error import-unresolved',
      "'alhpa' (did you mean 'alpha'?)",
    ],
    [
      'a missing main.py',
      () =>
        momentum.files.map((file) => (file.name === 'main.py' ? { ...file, name: 'algorithm.py' } : file)),
      'main.py:1:1 error entry-file',
      'rename algorithm.py to main.py',
    ],
    [
      'two algorithm classes',
      () =>
        editFile(
          momentum.files,
          'main.py',
          'class MomentumFrameworkAlgorithm(QCAlgorithm):',
          'class Helper(QCAlgorithm):\n    pass\n\n\nclass MomentumFrameworkAlgorithm(QCAlgorithm):',
        ),
      'main.py:11:7 error algorithm-class',
      "another QCAlgorithm subclass 'Helper' besides 'MomentumFrameworkAlgorithm'",
    ],
    [
      'an algorithm without initialize',
      () => editFile(momentum.files, 'main.py', 'def initialize(self) -> None:', 'def setup(self) -> None:'),
      'main.py:11:7 error algorithm-class',
      "'MomentumFrameworkAlgorithm' does not define initialize(self)",
    ],
    [
      'a missing constructor parameter',
      () => editFile(momentum.files, 'alpha.py', 'top_fraction: float = 0.2, ', ''),
      'alpha.py:9:9 error contract-class',
      "MomentumAlphaModel.__init__ does not accept 'top_fraction'",
    ],
    [
      'a file given twice',
      () => [...momentum.files, { name: 'alpha.py', content: 'X = 1\n' }],
      'alpha.py:1:1 error file-name',
      "'alpha.py' appears more than once",
    ],
  ])('reports %s', (_name, makeFiles, expectedWhere, expectedMessage) => {
    // Prepare
    const files = makeFiles();

    // Act
    const diagnostics = validateProject(files, { contract });

    // Assess
    expect(diagnostics.map(where)).toEqual([expectedWhere]);
    expect(diagnostics[0]?.message).toContain(expectedMessage);
  });

  it('reports a renamed contract class where it is defined and where it is imported', () => {
    // Prepare
    const files = editFile(momentum.files, 'alpha.py', 'class MomentumAlphaModel(', 'class MomentumAlpha(');

    // Act
    const diagnostics = validateProject(files, { contract });

    // Assess
    expect(diagnostics.map(where)).toEqual([
      'alpha.py:6:7 error contract-class',
      'main.py:4:19 error import-unresolved',
    ]);
    expect(diagnostics[0]?.message).toContain('it defines MomentumAlpha: rename it to MomentumAlphaModel');
  });

  it('reports an import cycle in each file of the cycle', () => {
    // Prepare
    const withAlphaImport = editFile(
      momentum.files,
      'alpha.py',
      '# endregion',
      'from risk import TrailingStopRiskModel\n# endregion',
    );
    const files = editFile(
      withAlphaImport,
      'risk.py',
      '# endregion',
      'from alpha import MomentumAlphaModel\n# endregion',
    );

    // Act
    const diagnostics = validateProject(files, { contract });

    // Assess
    expect(diagnostics.map(where)).toEqual([
      'alpha.py:3:6 error circular-import',
      'risk.py:3:6 error circular-import',
    ]);
    expect(diagnostics[0]?.message).toContain('alpha.py → risk.py → alpha.py');
  });

  it('sorts diagnostics by file, line and column whatever the file order', () => {
    // Prepare: files in reverse order, with findings in three of them
    const brokenImport = editFile(
      momentum.files,
      'main.py',
      'import TrailingStopRiskModel',
      'import Nothing',
    );
    const brokenSyntax = editFile(brokenImport, 'alpha.py', 'return []\n', 'return [\n');
    const files = [...brokenSyntax, { name: 'a-b.py', content: '' }].reverse();

    // Act
    const diagnostics = validateProject(files, { contract });

    // Assess
    expect(diagnostics.map(where)).toEqual([
      'a-b.py:1:1 warning file-name',
      'alpha.py:20:20 error syntax-error',
      'main.py:6:18 error import-unresolved',
    ]);
  });
});

describe('validateProject options', () => {
  it('runs extra rules passed next to the project rules', () => {
    // Prepare
    const noPrint: ValidationRule = {
      id: 'no-print',
      description: 'LEAN algorithms log with self.debug, not print.',
      check: (project) =>
        [...project.modules.values()]
          .filter((module) => module.file.content.includes('print('))
          .map((module) =>
            staticDiagnostic(module.file.name, START_OF_FILE, 'warning', 'no-print', 'use self.debug'),
          ),
    };
    const files = editFile(
      momentum.files,
      'risk.py',
      'return liquidations',
      'print(liquidations)\n        return liquidations',
    );

    // Act
    const diagnostics = validateProject(files, { rules: [...PROJECT_RULES, noPrint] });

    // Assess
    expect(diagnostics.map(where)).toEqual([
      'risk.py:1:1 warning no-print',
      'risk.py:27:9 warning print-call',
    ]);
  });

  it('refuses two rules with one id', () => {
    // Prepare
    const rules = [...PROJECT_RULES, ...PROJECT_RULES.slice(0, 1)];

    // Act
    const validate = () => validateProject(momentum.files, { rules });

    // Assess
    expect(validate).toThrow(QuantCoderError);
    expect(validate).toThrow("two validation rules share the id 'syntax-error'");
  });

  it('checks the contract only when one is given', () => {
    // Prepare
    const files = editFile(momentum.files, 'alpha.py', 'top_fraction: float = 0.2, ', '');

    // Act
    const withoutContract = validateProject(files);

    // Assess
    expect(withoutContract).toEqual([]);
  });

  it('leaves README.md out of the Python checks', () => {
    // Prepare
    const files = [
      ...momentum.files.filter((file) => file.name !== 'README.md'),
      { name: 'README.md', content: 'def (' },
    ];

    // Act
    const diagnostics = validateProject(files);

    // Assess
    expect(diagnostics).toEqual([]);
  });
});

describe('validateProject memory', () => {
  it('frees its syntax trees: a thousand validations do not grow the process (unfreed, ~180 MB)', () => {
    // Prepare: the trees live in WebAssembly memory, which no garbage collector frees
    const files = loadValidProject('breakout-long-short').files;
    for (let round = 0; round < 100; round += 1) validateProject(files);
    const before = process.memoryUsage().rss;

    // Act
    for (let round = 0; round < 1000; round += 1) validateProject(files);

    // Assess
    const grownMegabytes = (process.memoryUsage().rss - before) / 1024 / 1024;
    expect(grownMegabytes).toBeLessThan(60);
  });
});
