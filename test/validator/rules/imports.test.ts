import { describe, expect, it } from 'vitest';
import { FileContract } from '../../../functions/agents/plan.js';
import { importUnknownRule, importUnresolvedRule } from '../../../functions/validator/rules/imports.js';
import { python, runRule } from './run-rule.js';

const ALPHA = python(
  'alpha.py',
  'from AlgorithmImports import *',
  '',
  'LOOKBACK = 20',
  '',
  'def score(values):',
  '    return sum(values)',
  '',
  'class MomentumAlphaModel(AlphaModel):',
  '    pass',
);

describe('import-unresolved', () => {
  it('accepts classes, functions, variables and imported names of project modules', () => {
    // Prepare
    const main = python(
      'main.py',
      'from AlgorithmImports import *',
      'from alpha import MomentumAlphaModel, score as alpha_score, LOOKBACK, Resolution',
      'import alpha',
    );

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a name the module does not define, with the closest names', () => {
    // Prepare
    const main = python('main.py', 'from alpha import LOOKBACK, MomentumAlpha');

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:29 error alpha.py does not define 'MomentumAlpha' (did you mean 'MomentumAlphaModel'?)",
    ]);
  });

  it('says where a name is defined when another project module has it', () => {
    // Prepare
    const risk = python('risk.py', 'class StopRiskModel:', '    pass');
    const main = python('main.py', 'from alpha import (', '    StopRiskModel,', ')');

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA, risk]);

    // Assess
    expect(findings).toEqual([
      "main.py:2:5 error alpha.py does not define 'StopRiskModel'; it is defined in risk.py: import it from risk",
    ]);
  });

  it('follows star imports between project modules', () => {
    // Prepare
    const reexport = python('models.py', 'from alpha import *');
    const main = python('main.py', 'from models import MomentumAlphaModel, Missing');

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA, reexport]);

    // Assess
    expect(findings).toEqual(["main.py:1:40 error models.py does not define 'Missing'"]);
  });

  it('does not judge names of a module that star-imports a library', () => {
    // Prepare
    const wrapper = python('wrapper.py', 'from numpy import *');
    const main = python('main.py', 'from wrapper import array');

    // Act
    const findings = runRule(importUnresolvedRule, [main, wrapper]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('does not judge names of a module with syntax errors', () => {
    // Prepare
    const broken = python('alpha.py', 'class MomentumAlphaModel(AlphaModel)', '    pass');
    const main = python('main.py', 'from alpha import Anything');

    // Act
    const findings = runRule(importUnresolvedRule, [main, broken]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('reports a misspelt project module as an error', () => {
    // Prepare
    const main = python('main.py', 'import numpy as np', 'from alhpa import MomentumAlphaModel');

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual([
      "main.py:2:6 error no project file or library is named 'alhpa' (did you mean 'alpha'?)",
    ]);
  });

  it('reports a module whose imported names live in a project file', () => {
    // Prepare
    const main = python('main.py', 'from momentum_models import MomentumAlphaModel');

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:6 error no project file or library is named 'momentum_models': MomentumAlphaModel is defined in alpha.py; import from alpha",
    ]);
  });

  it('reports an import of a contract file the project lacks', () => {
    // Prepare
    const contract = FileContract.array().parse([
      {
        file: 'universe.py',
        owner: 'universe',
        className: 'LiquidUniverse',
        baseClass: 'FundamentalUniverseSelectionModel',
        constructorParameters: [],
        responsibility: 'pick stocks',
      },
    ]);
    const main = python('main.py', 'from universe import LiquidUniverse');

    // Act
    const findings = runRule(importUnresolvedRule, [main], contract);

    // Assess
    expect(findings).toEqual([
      'main.py:1:6 error there is no universe.py in the project (the plan puts class LiquidUniverse there)',
    ]);
  });

  it('resolves dotted project modules against their folders', () => {
    // Prepare
    const math = python('utils/math.py', 'def clamp(value):', '    return value');
    const main = python(
      'main.py',
      'from utils.math import clamp, missing',
      'from utils import math, nothing',
      'import utils.math',
    );

    // Act
    const findings = runRule(importUnresolvedRule, [main, math]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:31 error utils/math.py does not define 'missing'",
      "main.py:2:25 error 'utils' is a folder of project files without a module 'nothing'",
    ]);
  });

  it('reports a submodule of a module file', () => {
    // Prepare
    const main = python('main.py', 'import alpha.models');

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:8 error 'alpha.models' does not exist: alpha.py is a module, not a package; import names from it with 'from alpha import ...'",
    ]);
  });

  it('resolves relative imports against the importing file', () => {
    // Prepare
    const main = python(
      'main.py',
      'from .alpha import LOOKBACK, Missing',
      'from .nothing import X',
      'from .. import y',
    );

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:30 error alpha.py does not define 'Missing'",
      "main.py:2:6 error relative import '.nothing' matches no project file",
      "main.py:3:6 error relative import '..' matches no project file",
    ]);
  });

  it('checks imports inside functions, which fail when the function runs', () => {
    // Prepare
    const main = python('main.py', 'def later():', '    from alpha import Missing');

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual(["main.py:2:23 error alpha.py does not define 'Missing'"]);
  });

  it('skips imports guarded by except ImportError and imports under TYPE_CHECKING', () => {
    // Prepare
    const main = python(
      'main.py',
      'from typing import TYPE_CHECKING',
      'try:',
      '    from alpha import Optional',
      'except ImportError:',
      '    Optional = None',
      'if TYPE_CHECKING:',
      '    from alpha import Hint',
    );

    // Act
    const findings = runRule(importUnresolvedRule, [main, ALPHA]);

    // Assess
    expect(findings).toEqual([]);
  });
});

describe('import-unknown', () => {
  it('accepts LEAN, the standard library and QuantConnect’s third-party libraries', () => {
    // Prepare
    const main = python(
      'main.py',
      'from AlgorithmImports import *',
      'from QuantConnect.Indicators import RollingWindow',
      'from System import DateTime',
      'import clr',
      'from Alphas.RsiAlphaModel import RsiAlphaModel',
      'from Portfolio.EqualWeightingPortfolioConstructionModel import EqualWeightingPortfolioConstructionModel',
      'from Selection.QC500UniverseSelectionModel import QC500UniverseSelectionModel',
      'import numpy as np, pandas as pd',
      'from scipy.stats import norm',
      'from sklearn.linear_model import LinearRegression',
      'import statsmodels.api as sm',
      'import talib, arch, cvxpy, tensorflow, keras, torch, xgboost, lightgbm, hmmlearn, pykalman',
      'from collections import deque',
      'import datetime, math, json, itertools, functools, dataclasses, typing, enum, abc, statistics',
      'from __future__ import annotations',
    );

    // Act
    const findings = runRule(importUnknownRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('warns about a module that is neither a project file nor a QuantConnect library', () => {
    // Prepare
    const main = python('main.py', 'import yfinance as yf', 'from alpaca_trade_api import REST');

    // Act
    const findings = runRule(importUnknownRule, [main]);

    // Assess
    expect(findings).toEqual([
      "main.py:1:8 warning 'yfinance' is neither a project file nor a library QuantConnect provides",
      "main.py:2:6 warning 'alpaca_trade_api' is neither a project file nor a library QuantConnect provides",
    ]);
  });

  it('leaves a guarded import alone', () => {
    // Prepare
    const main = python('main.py', 'try:', '    import yfinance', 'except Exception:', '    yfinance = None');

    // Act
    const findings = runRule(importUnknownRule, [main]);

    // Assess
    expect(findings).toEqual([]);
  });

  it('leaves broken project imports to import-unresolved', () => {
    // Prepare
    const main = python('main.py', 'from alhpa import MomentumAlphaModel');

    // Act
    const unknown = runRule(importUnknownRule, [main, ALPHA]);

    // Assess
    expect(unknown).toEqual([]);
  });
});
