import { describe, expect, it } from 'vitest';
import type { SourceFile } from '../../../functions/agents/tasks.js';
import { loadValidProject } from '../fixture-projects.js';
import { apiFindings } from './api-findings.js';

interface SeededMistake {
  project: string;
  file: string;
  search: string;
  replacement: string;
  /** The name in the replacement the finding points at. */
  at: string;
  expected: string;
}

/** Each mistake is written into a valid algorithm; the finding must be at the offending name, with this rule. */
const MISTAKES: SeededMistake[] = [
  // Misspelled API members.
  m(
    'api-classic-pascal',
    'self.SetCash(100000)',
    'self.SetCahs(100000)',
    'SetCahs',
    'error unknown-algorithm-member',
  ),
  m(
    'api-snake-momentum',
    'self.consolidate(',
    'self.consolidte(',
    'consolidte',
    'error unknown-algorithm-member',
  ),
  m('api-framework', 'algorithm.roc(', 'algorithm.rco(', 'rco', 'error unknown-algorithm-member', 'alpha.py'),
  m(
    'api-framework',
    'algorithm.debug(',
    'algorithm.debugg(',
    'debugg',
    'error unknown-algorithm-member',
    'universe.py',
  ),
  m(
    'api-custom-data',
    'self.set_holdings(self._ung, 1)',
    'self.set_holding(self._ung, 1)',
    'set_holding',
    'error unknown-algorithm-member',
  ),
  // Wrong enum members and static members.
  m('api-classic-pascal', '= Resolution.Daily', '= Resolution.Dayly', 'Dayly', 'error unknown-enum-member'),
  m(
    'api-snake-momentum',
    'MovingAverageType.WILDERS',
    'MovingAverageType.WILDER',
    'WILDER',
    'error unknown-enum-member',
  ),
  m('api-options-futures', 'OptionRight.CALL', 'OptionRight.CALLS', 'CALLS', 'error unknown-enum-member'),
  m(
    'api-framework',
    'InsightDirection.UP,',
    'InsightDirection.Up2,',
    'Up2',
    'error unknown-enum-member',
    'alpha.py',
  ),
  m('api-custom-data', 'FileFormat.CSV', 'FileFormat.CVS', 'CVS', 'error unknown-enum-member'),
  m(
    'api-options-futures',
    'Futures.Indices.SP_500_E_MINI',
    'Futures.Indices.SP_500_MINI',
    'SP_500_MINI',
    'error unknown-type-member',
  ),
  m('api-options-futures', 'Futures.Metals.GOLD', 'Futures.Metal.GOLD', 'Metal', 'error unknown-type-member'),
  // Impossible argument counts.
  m(
    'api-classic-pascal',
    'self.SetStartDate(2018, 1, 1)',
    'self.SetStartDate(2018, 1)',
    'SetStartDate',
    'error call-arity',
  ),
  m(
    'api-snake-momentum',
    'self.history[TradeBar](winners[0], 10, Resolution.DAILY)',
    'self.history[TradeBar]()',
    'history',
    'error call-arity',
  ),
  m(
    'api-framework',
    'Insight.price(symbol, period, InsightDirection.DOWN)',
    'Insight.price(symbol)',
    'price',
    'error call-arity',
    'alpha.py',
  ),
  m(
    'api-custom-data',
    'FileFormat.CSV)',
    'FileFormat.CSV, 1, 2, 3, 4)',
    'SubscriptionDataSource',
    'error call-arity',
    undefined,
    'SubscriptionDataSource(source',
  ),
  m(
    'api-classic-pascal',
    'RollingWindow[TradeBar](5)',
    'RollingWindow[TradeBar](5, 6)',
    'RollingWindow',
    'error call-arity',
  ),
  // Keywords no overload has.
  m(
    'api-classic-pascal',
    'self.Liquidate(symbol, "crossed below")',
    'self.Liquidate(symbol, tags="crossed below")',
    'tags',
    'error call-keyword',
  ),
  m('api-framework', 'magnitude=0.02', 'magnitud=0.02', 'magnitud', 'error call-keyword', 'alpha.py'),
  m('api-options-futures', 'data_mapping_mode=', 'data_mapping=', 'data_mapping', 'error call-keyword'),
  // The other naming form.
  m(
    'api-classic-pascal',
    'self.SetHoldings(symbol, 0.5)',
    'self.Set_Holdings(symbol, 0.5)',
    'Set_Holdings',
    'error naming-form',
  ),
  m('api-snake-momentum', 'self.set_warm_up(', 'self.set_warmUp(', 'set_warmUp', 'error naming-form'),
  m(
    'api-custom-data',
    'SubscriptionTransportMedium.REMOTE_FILE',
    'SubscriptionTransportMedium.remote_file',
    'remote_file',
    'error naming-form',
  ),
  m(
    'api-options-futures',
    'Resolution.DAILY).symbol',
    'Resolution.daily).symbol',
    'daily',
    'error naming-form',
  ),
  m(
    'api-snake-momentum',
    'liquidate_existing_holdings=True',
    'liquidateExistingHoldings=True',
    'liquidateExistingHoldings',
    'warning call-keyword',
  ),
];

function m(
  project: string,
  search: string,
  replacement: string,
  at: string,
  expected: string,
  file = 'main.py',
  anchor?: string,
): SeededMistake & { anchor?: string } {
  return { project, file, search, replacement, at, expected, anchor };
}

/** The project with the mistake written in, and the 1-based line:column of the offending name. */
function seed(mistake: SeededMistake & { anchor?: string }): { files: SourceFile[]; position: string } {
  const files = loadValidProject(mistake.project).files;
  const target = files.find((file) => file.name === mistake.file);
  if (target === undefined || !target.content.includes(mistake.search)) {
    throw new Error(`${mistake.project}/${mistake.file} does not contain ${JSON.stringify(mistake.search)}`);
  }
  const content = target.content.replace(mistake.search, mistake.replacement);
  const replacedAt = target.content.indexOf(mistake.search);
  const offset =
    mistake.anchor === undefined
      ? replacedAt + mistake.replacement.indexOf(mistake.at)
      : content.lastIndexOf(mistake.anchor, replacedAt);
  const before = content.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return {
    files: files.map((file) => (file === target ? { ...file, content } : file)),
    position: `${mistake.file}:${line}:${column}`,
  };
}

describe('seeded LEAN API mistakes', () => {
  it.each(MISTAKES.map((mistake) => [`${mistake.project}: ${mistake.replacement}`, mistake] as const))(
    '%s is reported at the offending name',
    (_title, mistake) => {
      // Prepare
      const { files, position } = seed(mistake);

      // Act
      const findings = apiFindings(files);

      // Assess
      expect(findings.map((finding) => finding.split(' ').slice(0, 3).join(' '))).toEqual([
        `${position} ${mistake.expected}`,
      ]);
    },
  );

  it('says what to write instead', () => {
    // Prepare
    const { files } = seed(MISTAKES[0] as SeededMistake);

    // Act
    const [finding] = apiFindings(files);

    // Assess
    expect(finding).toContain("did you mean 'SetCash'");
  });
});
