import { RunStartError } from '../../../pipeline/run-starter.js';
import { ACTION_IDS } from '../../interactions.js';
import { executionName } from '../execution-names.js';
import { type ActionListenerArgs, ephemeralFollowUp, type ListenerDeps } from '../listener-types.js';
import { deployStartedText, notAllowedToDeployText, UNREADABLE_BUTTON_TEXT } from '../replies.js';
import { slackRunRequest } from '../slack-run-request.js';
import { readButtonClick } from './button-click.js';

/**
 * "Deploy to paper" (its confirmation dialog is on the button): only users in QUANTCODER_SLACK_DEPLOYERS
 * may deploy, whatever the message showed them, since anyone in the channel can click a button. Starts a
 * deploy follow-up of the button's run; the pipeline deploys to paper trading only.
 */
export function deployPaperButton(deps: ListenerDeps) {
  return async ({ body, ack, respond }: ActionListenerArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, ACTION_IDS.deployPaper);
    if (!deps.deployers.has(click.userId)) {
      deps.logger.warn('Deploy refused: the user is not a deployer', { userId: click.userId });
      await respond(ephemeralFollowUp(notAllowedToDeployText(click.userId)));
      return;
    }
    if (click.run === undefined) {
      await respond(ephemeralFollowUp(UNREADABLE_BUTTON_TEXT));
      return;
    }
    const { runId, channel, threadTs } = click.run;
    const request = slackRunRequest({
      idea: `Deploy run ${runId} to paper trading.`,
      slack: { channel, threadTs, userId: click.userId, teamId: click.teamId },
      followUp: { kind: 'deploy', runId },
      now: deps.now(),
    });
    const name = executionName('deploy', click.triggerId);
    try {
      // Started now or by the same click before, the deploy is under way.
      await deps.starter.start(name, request);
      await respond(ephemeralFollowUp(deployStartedText(runId)));
    } catch (error) {
      if (!(error instanceof RunStartError)) throw error;
      await respond(ephemeralFollowUp(error.message));
    }
  };
}
