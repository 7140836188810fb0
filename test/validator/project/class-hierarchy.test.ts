import { describe, expect, it } from 'vitest';
import { QUANTCONNECT_ENVIRONMENT } from '../../../functions/validator/environment/python-environment.js';
import { validateProject } from '../../../functions/validator/index.js';
import { derivesFrom, resolveBase } from '../../../functions/validator/project/class-hierarchy.js';
import { buildProject, releaseProject } from '../../../functions/validator/project/project.js';
import { python } from '../rules/run-rule.js';

const HELPERS = python(
  'helpers.py',
  'from AlgorithmImports import *',
  'class Base(QCAlgorithm):',
  '    def initialize(self):',
  '        self.sma = self.SMA("SPY", 20)',
);

function algorithm(importLine: string) {
  return python(
    'main.py',
    'from AlgorithmImports import *',
    importLine,
    'class Algo(Base):',
    '    def initialize(self):',
    '        self.set_start_date(2020, 1, 1)',
    '        self.rsi = self.rsi("SPY", 14)',
    '    def on_data(self, data):',
    '        closes = self.history("SPY", 20)',
  );
}

describe('class hierarchy', () => {
  it('follows a star import of a project module to the base class', () => {
    // Prepare
    const project = buildProject(
      [HELPERS, algorithm('from helpers import *')],
      undefined,
      QUANTCONNECT_ENVIRONMENT,
    );

    try {
      // Act
      const main = project.modules.get('main');
      const definition = main?.classes[0];
      const base = definition?.bases[0];
      const resolved = main && base ? resolveBase(project, main, base) : undefined;
      const verdict =
        main && definition
          ? derivesFrom(project, main, definition, project.environment.algorithmBaseClasses)
          : undefined;

      // Assess
      expect(resolved?.kind === 'project' && resolved.module.name).toBe('helpers');
      expect(verdict).toBe('yes');
    } finally {
      releaseProject(project);
    }
  });

  it('lets the later of two classes with one name win', () => {
    // Prepare
    const helpers = python(
      'helpers.py',
      'from AlgorithmImports import *',
      'class Base:',
      '    pass',
      'class Base(QCAlgorithm):',
      '    pass',
    );
    const project = buildProject(
      [helpers, algorithm('from helpers import *')],
      undefined,
      QUANTCONNECT_ENVIRONMENT,
    );

    try {
      // Act
      const main = project.modules.get('main');
      const definition = main?.classes[0];
      const verdict =
        main && definition
          ? derivesFrom(project, main, definition, project.environment.algorithmBaseClasses)
          : undefined;

      // Assess
      expect(verdict).toBe('yes');
    } finally {
      releaseProject(project);
    }
  });

  it.each([
    ['an explicit import', 'from helpers import Base'],
    ['a star import', 'from helpers import *'],
  ])('checks an algorithm whose QCAlgorithm base comes through %s', (_name, importLine) => {
    // Act
    const diagnostics = validateProject([HELPERS, algorithm(importLine)]);

    // Assess
    expect(
      diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.rule}`),
    ).toEqual(['6:9 indicator-shadowed', '8:23 history-in-on-data']);
  });
});
