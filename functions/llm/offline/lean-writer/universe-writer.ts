import type { FileContract, Plan } from '../../../agents/plan.js';
import type { GeneratedFile } from '../../../agents/tasks.js';
import {
  bindingNotes,
  bindSettings,
  constructorLines,
  type Setting,
  type SettingBinding,
  settingAssignments,
  settingAttribute,
} from './parameter-binding.js';
import {
  defLines,
  docstringLines,
  listLines,
  moduleHeader,
  type PythonBlock,
  pythonString,
  renderModule,
} from './python-source.js';
import { REBALANCE_PERIOD_FUNCTION, rebalancePeriodFunction } from './rebalance-period.js';
import { morningstarSectorMember, sectorLookupEntries } from './sectors.js';

function fixedUniverse(plan: Plan, contract: FileContract): GeneratedFile {
  const tickers: Setting = {
    key: 'tickers',
    kind: 'list[str]',
    planValue: plan.universe.tickers,
    names: /ticker|symbol|universe|asset|etf|stock/,
    purpose: 'the tickers to trade',
  };
  const binding = bindSettings(contract, [tickers]);
  const parameter = binding.bound.get('tickers');
  const source: PythonBlock = parameter
    ? [`for ticker in ${parameter.name}`]
    : listLines('for ticker in ', plan.universe.tickers.map(pythonString), 2);
  const unused: SettingBinding = { settings: [], bound: new Map(), unused: binding.unused };
  const body: PythonBlock = [
    '# Symbols are built directly, so no data request is needed just to resolve the tickers.',
    'symbols = [',
    ['Symbol.create(ticker, SecurityType.EQUITY, Market.USA)', ...source],
    ']',
    'super().__init__(symbols)',
    ...settingAssignments(unused),
  ];
  const listed = plan.universe.tickers.join(', ');
  const classBody: PythonBlock = [
    ...docstringLines(`A fixed list of US equities: ${listed || 'the tickers main.py passes'}.`, 1),
    '',
    ...constructorLines(contract, 1),
    body,
  ];
  const code = renderModule([
    moduleHeader(`Universe selection for ${plan.title}.\n\n${contract.responsibility}`),
    [`class ${contract.className}(ManualUniverseSelectionModel):`, classBody],
  ]);
  return {
    className: contract.className,
    code,
    notes: `A manual universe of ${plan.universe.tickers.length} US equities.${bindingNotes(binding)}`,
  };
}

function sectorSetting(plan: Plan): Setting {
  return {
    key: 'sector',
    kind: 'str',
    planValue: plan.universe.sector ?? '',
    names: /sector|industry/,
    purpose: 'the Morningstar sector to keep',
  };
}

/** The sector filter lines and class-level lookup table, when the plan's sector is one LEAN knows. */
function sectorFilter(
  plan: Plan,
  binding: SettingBinding,
): { table: PythonBlock; init: PythonBlock; test: string } {
  const member =
    plan.universe.kind === 'sector' ? morningstarSectorMember(plan.universe.sector ?? '') : undefined;
  if (!member) return { table: [], init: [], test: '' };
  const parameter = binding.bound.get('sector');
  if (!parameter) {
    return {
      table: [],
      init: [`self._sector_code = MorningstarSectorCode.${member}`],
      test: 'and f.asset_classification.morningstar_sector_code == self._sector_code',
    };
  }
  const entries = sectorLookupEntries().map(
    ([name, code]) => `${pythonString(name)}: MorningstarSectorCode.${code},`,
  );
  return {
    table: [
      '# Sector names (letters only, lower case) and the Morningstar codes LEAN classifies stocks by.',
      '_SECTOR_CODES = {',
      entries,
      '}',
    ],
    init: [
      '# Accept the sector however it is spelled: "Health Care", "health-care", "HealthCare".',
      `sector_key = "".join(letter for letter in ${settingAttribute('sector')}.lower() if letter.isalpha())`,
      'self._sector_code = _SECTOR_CODES[sector_key]',
    ],
    test: 'and f.asset_classification.morningstar_sector_code == self._sector_code',
  };
}

function fundamentalUniverse(plan: Plan, contract: FileContract): GeneratedFile {
  const knownSector = plan.universe.kind === 'sector' && morningstarSectorMember(plan.universe.sector ?? '');
  const settings: Setting[] = [
    {
      key: 'universe_size',
      kind: 'int',
      planValue: plan.universe.size,
      names: /size|count|number|num|top|max|limit|universe|securities|stocks/,
      purpose: 'how many stocks to hold in the universe',
    },
    {
      key: 'min_price',
      kind: 'float',
      planValue: plan.universe.minPrice,
      names: /price/,
      purpose: 'the lowest share price considered',
    },
    {
      key: 'rebalance',
      kind: 'str',
      planValue: plan.strategy.rebalance,
      names: /rebalanc|frequency|cadence|schedule/,
      purpose: "the strategy's rebalance cadence, at which the universe is reselected",
    },
  ];
  if (knownSector) settings.push(sectorSetting(plan));
  const binding = bindSettings(contract, settings);
  const sector = sectorFilter(plan, binding);
  const sectorText = knownSector ? ` in the ${plan.universe.sector} sector` : '';
  const filterLines: PythonBlock = [
    'candidates = [',
    [
      'f',
      'for f in fundamental',
      'if f.has_fundamental_data',
      `and f.price > ${settingAttribute('min_price')}`,
      ...(sector.test ? [sector.test] : []),
    ],
    ']',
  ];
  const selectBody: PythonBlock = [
    `"""Keeps the ${'`universe_size`'} most traded stocks${sectorText} priced above the minimum."""`,
    '# Reselect only when the strategy rebalances, so the alpha sees a stable set between rebalances.',
    `period = ${REBALANCE_PERIOD_FUNCTION}(algorithm.time, ${settingAttribute('rebalance')})`,
    'if period == self._last_period:',
    ['return Universe.UNCHANGED'],
    'self._last_period = period',
    '# Stocks without fundamental data are mostly ETFs and odd listings the sector data does not cover.',
    ...filterLines,
    '# Dollar volume ranks by what can actually be traded, which keeps fills and slippage realistic.',
    'ranked = sorted(candidates, key=lambda f: f.dollar_volume, reverse=True)',
    `return [f.symbol for f in ranked[: ${settingAttribute('universe_size')}]]`,
  ];
  const unknownSector =
    plan.universe.kind === 'sector' && !knownSector
      ? [
          `# The plan's sector (${plan.universe.sector ?? 'none'}) is not a Morningstar sector LEAN knows,`,
          '# so the universe keeps the most traded stocks of every sector.',
        ]
      : [];
  const classBody: PythonBlock = [
    ...docstringLines(
      `The ${plan.universe.size} most traded US stocks${sectorText}, by daily dollar volume.`,
      1,
    ),
    '',
    ...constructorLines(contract, 1),
    [
      'super().__init__()',
      ...settingAssignments(binding),
      ...unknownSector,
      ...sector.init,
      'self._last_period: tuple[int, ...] | None = None',
    ],
    '',
    ...defLines(
      'select',
      ['self', 'algorithm: QCAlgorithm', 'fundamental: list[Fundamental]'],
      'list[Symbol]',
      1,
    ),
    selectBody,
  ];
  const code = renderModule([
    moduleHeader(`Universe selection for ${plan.title}.\n\n${contract.responsibility}`),
    sector.table,
    rebalancePeriodFunction(),
    [`class ${contract.className}(FundamentalUniverseSelectionModel):`, classBody],
  ]);
  const sectorNote =
    plan.universe.kind === 'sector' && !knownSector
      ? ` The sector ${JSON.stringify(plan.universe.sector)} is not a Morningstar sector, so no sector filter is applied.`
      : '';
  return {
    className: contract.className,
    code,
    notes: `A fundamental universe of the ${plan.universe.size} most traded stocks${sectorText}, reselected ${plan.strategy.rebalance}.${sectorNote}${bindingNotes(binding)}`,
  };
}

/** Writes universe.py: a manual universe for fixed tickers, otherwise a fundamental dollar-volume universe. */
export function writeUniverse(plan: Plan, contract: FileContract): GeneratedFile {
  return plan.universe.kind === 'fixed' ? fixedUniverse(plan, contract) : fundamentalUniverse(plan, contract);
}
