import { describe, expect, it } from 'vitest';
import type { FileContract, ParameterValue } from '../../../../functions/agents/plan.js';
import {
  bindSettings,
  constructorLines,
  type Setting,
  settingAssignments,
} from '../../../../functions/llm/offline/lean-writer/parameter-binding.js';
import { renderBlock } from '../../../../functions/llm/offline/lean-writer/python-source.js';

function contractWith(parameters: ParameterValue[]): FileContract {
  return {
    file: 'alpha.py',
    owner: 'alpha',
    className: 'TestAlpha',
    baseClass: 'AlphaModel',
    constructorParameters: parameters,
    responsibility: 'Test.',
  };
}

function parameter(
  name: string,
  type: ParameterValue['type'],
  value: ParameterValue['value'],
): ParameterValue {
  return { name, type, value, description: name };
}

const LOOKBACK: Setting = {
  key: 'lookback_days',
  kind: 'int',
  planValue: 63,
  names: /lookback|window/,
  purpose: 'the lookback',
};
const ALLOW_SHORT: Setting = {
  key: 'allow_short',
  kind: 'allow_short',
  planValue: false,
  names: /longonly|short|direction/,
  purpose: 'whether shorting is allowed',
};

describe('bindSettings', () => {
  it('matches a setting to a parameter by name, whatever its value', () => {
    // Prepare
    const contract = contractWith([parameter('window', 'int', 40)]);
    // Act
    const binding = bindSettings(contract, [LOOKBACK]);
    // Assess
    expect(binding.bound.get('lookback_days')?.name).toBe('window');
    expect(binding.unused).toEqual([]);
  });

  it('falls back to the one parameter holding the plan value when no name matches', () => {
    const binding = bindSettings(contractWith([parameter('n', 'int', 63), parameter('m', 'int', 5)]), [
      LOOKBACK,
    ]);
    expect(binding.bound.get('lookback_days')?.name).toBe('n');
    expect(binding.unused.map((unused) => unused.name)).toEqual(['m']);
  });

  it('binds nothing by value when two parameters hold the plan value', () => {
    const binding = bindSettings(contractWith([parameter('a', 'int', 63), parameter('b', 'int', 63)]), [
      LOOKBACK,
    ]);
    expect(binding.bound.has('lookback_days')).toBe(false);
  });

  it('does not bind a parameter of the wrong type, even by name', () => {
    const binding = bindSettings(contractWith([parameter('lookback', 'str', '63')]), [LOOKBACK]);
    expect(binding.bound.has('lookback_days')).toBe(false);
  });

  it.each([
    [parameter('long_only', 'bool', true), 'self._allow_short = not long_only'],
    [parameter('allow_short', 'bool', true), 'self._allow_short = allow_short'],
    [
      parameter('direction', 'str', 'long_short'),
      'self._allow_short = direction.replace("-", "_").lower() == "long_short"',
    ],
  ])('turns %o into the allow-short flag', (given, expected) => {
    // Act
    const lines = renderBlock(settingAssignments(bindSettings(contractWith([given]), [ALLOW_SHORT])));
    // Assess
    expect(lines).toEqual([expected]);
  });

  it("uses the plan's value, with a comment, for a setting the contract lacks, and keeps unused parameters", () => {
    // Act
    const lines = renderBlock(
      settingAssignments(bindSettings(contractWith([parameter('label', 'str', 'x')]), [LOOKBACK])),
    );
    // Assess
    expect(lines).toContain('self._lookback_days = 63');
    expect(lines.some((line) => line.startsWith('# The lookback'))).toBe(true);
    expect(lines).toContain('self._label = label');
  });

  it('converts a float parameter bound to an integer setting', () => {
    const lines = renderBlock(
      settingAssignments(bindSettings(contractWith([parameter('window', 'float', 20)]), [LOOKBACK])),
    );
    expect(lines).toEqual(['self._lookback_days = int(window)']);
  });
});

describe('constructorLines', () => {
  it('declares every contract parameter in order, annotated, defaulting to its value', () => {
    // Prepare
    const contract = contractWith([
      parameter('tickers', 'list[str]', ['SPY']),
      parameter('size', 'float', 3),
    ]);
    // Act
    const lines = renderBlock(constructorLines(contract, 1));
    // Assess
    expect(lines).toEqual(['def __init__(self, tickers: list[str] = ["SPY"], size: float = 3.0) -> None:']);
  });

  it('spreads a long list default over several lines', () => {
    const tickers = Array.from({ length: 30 }, (_, index) => `T${index}`);
    const lines = renderBlock(
      constructorLines(contractWith([parameter('tickers', 'list[str]', tickers)]), 1),
    );
    expect(lines[0]).toBe('def __init__(');
    expect(lines).toContain('    tickers: list[str] = [');
    expect(lines).toContain('        "T29",');
    expect(lines.every((line) => line.length <= 99)).toBe(true);
  });
});
