import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../functions/shared/errors.js';
import { validatePaths } from '../../functions/validator/validate-paths.js';

const ALGORITHM = `from AlgorithmImports import *
from helpers import lookback
from signals.momentum import score


class Momentum(QCAlgorithm):
    def initialize(self):
        self.set_start_date(2020, 1, 1)
        self.set_cash(100000)
        self.spy = self.add_equity("SPY", Resolution.DAILY).symbol

    def on_data(self, data):
        if score(lookback()) > 0:
            self.set_holdings(self.spy, 1.0)
`;

const HELPERS = 'def lookback():\n    return 20\n';
const MOMENTUM = 'def score(days):\n    return days\n';

/** Writes files under a fresh temporary folder and returns it. */
async function folderWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'quantcoder-validate-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), content);
  }
  return root;
}

describe('validatePaths', () => {
  it('checks a file against the siblings and packages it imports, and reports only that file', async () => {
    // Prepare
    const root = await folderWith({
      'momentum.py': ALGORITHM,
      'helpers.py': HELPERS,
      'signals/momentum.py': MOMENTUM,
      'broken.py': 'def oops(:\n',
    });

    // Act
    const result = await validatePaths([join(root, 'momentum.py')]);

    // Assess
    expect(result.files).toBe(1);
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('reports a name a sibling does not define at its line, with the path as given', async () => {
    // Prepare
    const root = await folderWith({
      'momentum.py': ALGORITHM,
      'helpers.py': HELPERS.replace('lookback', 'look_back'),
      'signals/momentum.py': MOMENTUM,
    });

    // Act
    const result = await validatePaths([join(root, 'momentum.py')]);

    // Assess
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: join(root, 'momentum.py'), line: 2, rule: 'import-unresolved' });
  });

  it('checks a directory as one project, with the project rules (main.py) and every file', async () => {
    // Prepare
    const root = await folderWith({
      'algorithm.py': ALGORITHM,
      'helpers.py': HELPERS,
      'signals/momentum.py': MOMENTUM,
      '__pycache__/stale.py': 'def oops(:\n',
    });

    // Act
    const result = await validatePaths([root]);

    // Assess
    expect(result.files).toBe(3);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ file: join(root, 'main.py'), rule: 'entry-file', severity: 'error' }),
    );
  });

  it('reports a syntax error in a named file at its line and column', async () => {
    // Prepare
    const root = await folderWith({
      'main.py': ALGORITHM.replace('def on_data(self, data):', 'def on_data(self, data)'),
    });

    // Act
    const result = await validatePaths([join(root, 'main.py')]);

    // Assess
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ rule: 'syntax-error', line: 12, severity: 'error' }),
    );
  });

  it('refuses a missing path, a non-Python file and an empty list with what to pass instead', async () => {
    // Prepare
    const root = await folderWith({ 'notes.txt': 'hello' });

    // Act
    const outcomes = await Promise.allSettled([
      validatePaths([join(root, 'absent.py')]),
      validatePaths([join(root, 'notes.txt')]),
      validatePaths([]),
      validatePaths([root]),
    ]);

    // Assess
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = outcome.status === 'rejected' ? outcome.reason : undefined;
      expect(reason).toBeInstanceOf(UserInputError);
      expect(String(reason.message)).toMatch(/\.py files|project directory|\.py file/);
    }
  });
});
