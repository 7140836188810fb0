import { describe, expect, it } from 'vitest';
import { sectionBlock, slackMessage } from '../../../functions/slack/blocks/block-builders.js';
import type { ActionsBlock, SlackBlock, SlackMessage } from '../../../functions/slack/blocks/block-kit.js';
import { BLOCK_KIT_LIMITS, findLimitViolations } from '../../../functions/slack/blocks/block-limits.js';
import { deploymentMessage } from '../../../functions/slack/blocks/deployment-message.js';
import { failureMessage } from '../../../functions/slack/blocks/failure-message.js';
import { rootMessage } from '../../../functions/slack/blocks/root-message.js';
import { TRUNCATION_MARKER, truncate } from '../../../functions/slack/blocks/slack-text.js';
import { formatStatistic, statisticsFields } from '../../../functions/slack/blocks/statistics-fields.js';
import { statusMessage } from '../../../functions/slack/blocks/status-message.js';
import { type SummaryInput, summaryMessage } from '../../../functions/slack/blocks/summary-message.js';
import { ACTION_IDS, RunButtonValue } from '../../../functions/slack/interactions.js';

const LONG =
  'Buy the strongest sector ETF each month & hold <it> until it falls out of the top three. '.repeat(80);
const PRESIGNED = `https://quantcoder-artifacts.s3.eu-west-1.amazonaws.com/run/project.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261124T031500Z&X-Amz-Expires=604800&X-Amz-Signature=${'a'.repeat(64)}&X-Amz-Security-Token=${'T'.repeat(1200)}`;

function summaryInput(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    title: 'Sector momentum rotation',
    projectName: 'sector_momentum',
    statistics: {
      'Net Profit': 12.345,
      'Compounding Annual Return': 5.1,
      'Sharpe Ratio': 0.87,
      'Sortino Ratio': 1.2,
      Drawdown: 8.4,
      'Win Rate': 55,
      'Total Orders': 40,
      'Total Fees': 1234.5,
    },
    totalOrders: 42,
    backtestUrl: 'https://www.quantconnect.com/project/123/abc',
    zip: { link: PRESIGNED, fileName: 'sector_momentum.zip', expiresAt: new Date('2026-12-01T03:15:00Z') },
    emulated: false,
    cost: { usd: 0.4213, unpricedCalls: 0 },
    durationMs: 372_000,
    runId: '20261124-031500-a1b2c3',
    buttons: {
      target: { runId: '20261124-031500-a1b2c3', channel: 'C1', threadTs: '1700000001.000001' },
      canDeploy: false,
    },
    ...overrides,
  };
}

function actionsOf(message: SlackMessage): ActionsBlock | undefined {
  return message.blocks.find((block): block is ActionsBlock => block.type === 'actions');
}

function allText(message: SlackMessage): string {
  return JSON.stringify(message.blocks);
}

describe('Slack message builders', () => {
  it('keep every message within Block Kit limits, however long the content', () => {
    // Prepare
    const errors = Array.from({ length: 40 }, (_, index) => ({
      file: 'alpha.py',
      line: index + 1,
      message: LONG,
    }));

    // Act
    const messages: SlackMessage[] = [
      rootMessage({ userId: 'U1', idea: LONG, runId: 'run-1' }),
      statusMessage({
        headline: LONG,
        rows: Array.from({ length: 60 }, () => ({ label: LONG, mark: 'running' as const, detail: LONG })),
        footer: LONG,
      }),
      summaryMessage(summaryInput({ title: LONG, projectName: LONG })),
      summaryMessage(
        summaryInput({
          emulated: true,
          buttons: { target: { runId: 'run-1', channel: 'C1', threadTs: '1.2' }, canDeploy: true },
        }),
      ),
      failureMessage({
        stage: 'Compile',
        message: LONG,
        errors,
        errorCount: 40,
        files: { link: PRESIGNED, fileName: 'x.zip' },
        cost: { usd: 0, unpricedCalls: 3 },
        durationMs: 1000,
        runId: 'run-1',
      }),
      deploymentMessage({
        title: LONG,
        deployId: 'L-123',
        status: LONG,
        url: 'https://www.quantconnect.com/project/1/live',
        brokerage: 'paper',
        emulated: true,
        cost: { usd: 1, unpricedCalls: 0 },
        durationMs: 1000,
        runId: 'run-1',
      }),
    ];

    // Assess
    for (const message of messages) expect(findLimitViolations(message)).toEqual([]);
    const [root, status] = messages;
    expect(JSON.stringify(root?.blocks)).toContain('…');
    expect(JSON.stringify(status?.blocks)).toContain(TRUNCATION_MARKER);
  });

  it('cuts a message past 50 blocks and says so', () => {
    // Prepare
    const blocks: SlackBlock[] = Array.from({ length: 70 }, (_, index) => sectionBlock(`row ${index}`));

    // Act
    const message = slackMessage('many', blocks);

    // Assess
    expect(message.blocks).toHaveLength(BLOCK_KIT_LIMITS.blocksPerMessage);
    expect(JSON.stringify(message.blocks.at(-1))).toContain('21 more blocks');
  });

  it('never splits a character made of two UTF-16 units', () => {
    // Act
    const cut = truncate(`${'a'.repeat(8)}📈📈📈`, 12, '…');

    // Assess
    expect(cut).toBe('aaaaaaaa📈…');
  });

  it('quotes the idea in the root message, escaped, and mentions who asked', () => {
    // Act
    const message = rootMessage({ userId: 'U42', idea: 'Buy <SPY> & hold', runId: 'run-7' });

    // Assess
    expect(message.text).toContain('<@U42>');
    expect(allText(message)).toContain('>Buy &lt;SPY&gt; &amp; hold');
    expect(allText(message)).toContain('run-7');
  });
});

describe('the summary message', () => {
  it('shows the eight statistics, both links with the expiry, cost and duration', () => {
    // Act
    const message = summaryMessage(summaryInput());
    const text = allText(message);

    // Assess
    expect(message.blocks.some((block) => block.type === 'section' && block.fields?.length === 8)).toBe(true);
    for (const label of [
      'Net Profit',
      'CAGR',
      'Sharpe',
      'Sortino',
      'Max Drawdown',
      'Win Rate',
      'Total Orders',
      'Fees',
    ]) {
      expect(text).toContain(`*${label}*`);
    }
    expect(text).toContain('12.35%');
    expect(text).toContain('$1,234.50');
    expect(text).toContain('*Total Orders*\\n42');
    expect(text).toContain(
      '<https://www.quantconnect.com/project/123/abc|Open the backtest on QuantConnect>',
    );
    expect(text).toContain('Download sector_momentum.zip>');
    expect(text).toContain(`link expires <!date^${Date.UTC(2026, 11, 1, 3, 15) / 1000}^`);
    expect(text).toContain('model calls cost $0.42');
    expect(text).toContain('took 6m 12s');
    expect(text).not.toContain('Emulated');
  });

  it('labels emulated results', () => {
    // Act
    const text = allText(summaryMessage(summaryInput({ emulated: true })));

    // Assess
    expect(text).toContain('Emulated results');
  });

  it('offers backtest, refine and a fresh zip link to everyone, deploy only to allowed users and behind a paper-trading confirmation', () => {
    // Prepare
    const base = summaryInput();
    const target = { runId: base.runId, channel: 'C1', threadTs: '1700000001.000001' };

    // Act
    const forAnyone = actionsOf(summaryMessage({ ...base, buttons: { target, canDeploy: false } }));
    const forDeployer = actionsOf(summaryMessage({ ...base, buttons: { target, canDeploy: true } }));

    // Assess
    expect(forAnyone?.elements.map((button) => button.action_id)).toEqual([
      ACTION_IDS.backtestDates,
      ACTION_IDS.refine,
      ACTION_IDS.freshZipLink,
    ]);
    expect(forDeployer?.elements.map((button) => button.action_id)).toEqual([
      ACTION_IDS.backtestDates,
      ACTION_IDS.refine,
      ACTION_IDS.freshZipLink,
      ACTION_IDS.deployPaper,
    ]);
    const deploy = forDeployer?.elements[3];
    expect(deploy?.confirm?.text.text).toContain('paper trading');
    expect(deploy?.confirm?.text.text).toContain('no real money');
    for (const button of forDeployer?.elements ?? []) {
      expect(RunButtonValue.parse(JSON.parse(button.value ?? '{}'))).toEqual(target);
    }
  });

  it('offers no fresh zip link for a zip that never expires (a local path) or a run without a zip', () => {
    // Prepare
    const { zip: _zip, ...withoutZip } = summaryInput();

    // Act
    const local = actionsOf(
      summaryMessage(
        summaryInput({ zip: { link: '/home/me/quantcoder-runs/run/p.zip', fileName: 'p.zip' } }),
      ),
    );
    const none = actionsOf(summaryMessage(withoutZip));

    // Assess
    for (const actions of [local, none]) {
      expect(actions?.elements.map((button) => button.action_id)).toEqual([
        ACTION_IDS.backtestDates,
        ACTION_IDS.refine,
      ]);
    }
  });

  it('shows a local file path as text, not as a link, and says nothing of expiry', () => {
    // Act
    const text = allText(
      summaryMessage(
        summaryInput({ zip: { link: '/home/me/quantcoder-runs/run/project.zip', fileName: 'p.zip' } }),
      ),
    );

    // Assess
    expect(text).toContain('Download p.zip: `/home/me/quantcoder-runs/run/project.zip`');
    expect(text).not.toContain('expires');
  });
});

describe('the failure message', () => {
  it('says what failed, lists the first errors with file and line, and where the files are', () => {
    // Prepare
    const errors = Array.from({ length: 7 }, (_, index) => ({
      file: 'alpha.py',
      line: 10 + index,
      message: `name 'x${index}' is not defined`,
    }));

    // Act
    const message = failureMessage({
      stage: 'Compile',
      message: 'The project still has errors after the last refine attempt.',
      errors,
      errorCount: 9,
      files: { location: 's3://bucket/run/report.json' },
      cost: { usd: 0.12, unpricedCalls: 0 },
      durationMs: 65_000,
      runId: 'run-9',
    });
    const text = allText(message);

    // Assess
    expect(message.text).toContain('The run failed at Compile');
    expect(text).toContain('*Compile failed*');
    expect(text).toContain("`alpha.py:10` name 'x0' is not defined");
    expect(text).toContain('`alpha.py:14`');
    expect(text).not.toContain('`alpha.py:15`');
    expect(text).toContain('and 4 more in the report');
    expect(text).toContain('`s3://bucket/run/report.json`');
    expect(text).toContain('model calls cost $0.12');
  });
});

describe('statistics', () => {
  it('put the units back on parsed numbers and keep text as QuantConnect gave it', () => {
    // Assess
    expect(formatStatistic(-3.2, 'percent')).toBe('-3.20%');
    expect(formatStatistic(1.234, 'ratio')).toBe('1.23');
    expect(formatStatistic(1200, 'count')).toBe('1,200');
    expect(formatStatistic(-5, 'dollars')).toBe('-$5.00');
    expect(formatStatistic('N/A', 'ratio')).toBe('N/A');
    expect(formatStatistic(undefined, 'ratio')).toBe('n/a');
    expect(statisticsFields({}, 3)).toContain('*Total Orders*\n3');
  });
});
