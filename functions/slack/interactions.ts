import { z } from 'zod';

/**
 * The ids that tie the summary's buttons and the modals they open to their listeners: the notifier
 * writes them into Block Kit, the Slack app registers listeners on them.
 */
export const ACTION_IDS = {
  backtestDates: 'quantcoder_backtest_dates',
  refine: 'quantcoder_refine',
  deployPaper: 'quantcoder_deploy_paper',
  freshZipLink: 'quantcoder_fresh_zip_link',
} as const;

export const VIEW_IDS = {
  backtestDates: 'quantcoder_backtest_dates_view',
  refine: 'quantcoder_refine_view',
} as const;

/** What a summary button carries in its `value` (at most 2000 characters): the run it acts on and its thread. */
export const RunButtonValue = z.object({
  runId: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/),
  channel: z.string().min(1),
  threadTs: z.string().min(1),
});
export type RunButtonValue = z.infer<typeof RunButtonValue>;

/** Slack user ids allowed to deploy to paper trading, from QUANTCODER_SLACK_DEPLOYERS (comma or space separated). */
export function readDeployers(environment: NodeJS.ProcessEnv): ReadonlySet<string> {
  const value = environment.QUANTCODER_SLACK_DEPLOYERS ?? '';
  return new Set(value.split(/[\s,]+/).filter((id) => id.length > 0));
}
