import { describe, expect, it } from 'vitest';
import { RunState } from '../../../functions/pipeline/run-state.js';
import { executionName } from '../../../functions/slack/app/execution-names.js';

describe('executionName', () => {
  it('keeps letters, digits, - and _, turns anything else into -, and stops at 80 characters', () => {
    // Act
    const names = [
      executionName('slack', '13345224609.738474920.8088930838d88f008e0'),
      executionName('reply', 'Ev08MFMKH6J6'),
      executionName('dates', 'V0/../x y'),
      executionName('deploy', '9'.repeat(200)),
    ];

    // Assess
    expect(names.slice(0, 3)).toEqual([
      'slack-13345224609-738474920-8088930838d88f008e0',
      'reply-Ev08MFMKH6J6',
      'dates-V0----x-y',
    ]);
    expect(names[3]).toHaveLength(80);
    const runId = RunState.shape.runId;
    expect(names.every((name) => runId.safeParse(name).success)).toBe(true);
  });
});
