/** What started an execution; the prefix keeps names of different triggers from ever meeting. */
export type ExecutionTrigger = 'slack' | 'reply' | 'deploy' | 'dates' | 'refine';

/** Step Functions names (and run ids) allow 80 characters of letters, digits, `-` and `_`. */
const MAX_NAME_LENGTH = 80;

/**
 * The execution name (and run id) for a Slack trigger: `<trigger>-<id>` with every other character turned
 * into `-`. Slack sends the same trigger id or event id when it repeats a request, so a repeat maps to
 * the same name, which Step Functions refuses to start twice.
 */
export function executionName(trigger: ExecutionTrigger, id: string): string {
  return `${trigger}-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, MAX_NAME_LENGTH);
}
