import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlanDefaults } from '../../../functions/agents/tasks.js';
import {
  assertWithinBudget,
  BudgetExceededError,
  callAllowance,
  describeBudget,
  readBudget,
  spendingOf,
} from '../../../functions/llm/ledger/budget.js';
import { guardBudget } from '../../../functions/llm/ledger/budget-guard.js';
import type { Model, ModelRequest, ModelResponse, ModelRouter } from '../../../functions/llm/model.js';
import { estimateUsage } from '../../../functions/llm/offline-model.js';
import type { RunBudget, UsageEntry } from '../../../functions/pipeline/run-state.js';
import { ConfigurationError, ModelOutputError } from '../../../functions/shared/errors.js';
import { modelRequest } from '../model-requests.js';

const Answer = z.object({ ok: z.boolean() });

function request(maxOutputTokens?: number) {
  return modelRequest(
    'alpha',
    {
      kind: 'plan',
      idea: 'anything',
      defaults: PlanDefaults.parse({ startDate: '2020-01-01', endDate: '2020-12-31', cash: 1000 }),
    },
    Answer,
    maxOutputTokens === undefined ? {} : { maxOutputTokens },
  );
}

function usage(role: UsageEntry['role'], inputTokens: number, outputTokens: number): UsageEntry {
  return {
    role,
    provider: 'anthropic',
    model: 'claude-sonnet-4-6',
    calls: 1,
    inputTokens,
    outputTokens,
    cachedInputTokens: 0,
  };
}

/** A model that records the requests it gets and answers with 100 input and 10 output tokens, or throws. */
function recordingModel(error?: Error): Model & { requests: Array<ModelRequest<unknown>> } {
  const requests: Array<ModelRequest<unknown>> = [];
  return {
    provider: 'anthropic',
    modelId: 'claude-sonnet-4-6',
    requests,
    async generate<T>(sent: ModelRequest<T>): Promise<ModelResponse<T>> {
      requests.push(sent);
      if (error) throw error;
      return {
        output: sent.schema.parse({ ok: true }),
        usage: { inputTokens: 100, outputTokens: 10, cachedInputTokens: 0 },
        provider: 'anthropic',
        model: 'claude-sonnet-4-6',
      };
    },
  };
}

function state(budget: RunBudget | undefined, spent: UsageEntry[] = []) {
  return {
    limits: {
      maxRefineAttempts: 1,
      maxPolls: 1,
      initialPollSeconds: 0,
      maxPollSeconds: 0,
      ...(budget ? { budget } : {}),
    },
    usage: spent,
  };
}

describe('readBudget', () => {
  it('reads dollars and tokens, and nothing when neither is set', () => {
    // Act
    const both = readBudget({ QUANTCODER_BUDGET_USD: '0.50', QUANTCODER_BUDGET_TOKENS: '200000' });
    const dollars = readBudget({ QUANTCODER_BUDGET_USD: '2' });
    const none = readBudget({ QUANTCODER_BUDGET_TOKENS: ' ' });

    // Assess
    expect(both).toEqual({ usd: 0.5, tokens: 200_000 });
    expect(dollars).toEqual({ usd: 2 });
    expect(none).toBeUndefined();
  });

  it.each([
    [{ QUANTCODER_BUDGET_USD: 'five' }, /^QUANTCODER_BUDGET_USD is "five": write a dollar amount above 0/],
    [{ QUANTCODER_BUDGET_USD: '0' }, /^QUANTCODER_BUDGET_USD is "0"/],
    [{ QUANTCODER_BUDGET_USD: '-1' }, /^QUANTCODER_BUDGET_USD is "-1"/],
    [
      { QUANTCODER_BUDGET_TOKENS: '1.5' },
      /^QUANTCODER_BUDGET_TOKENS is "1.5": write a whole number of tokens above 0/,
    ],
    [{ QUANTCODER_BUDGET_TOKENS: '1e6' }, /^QUANTCODER_BUDGET_TOKENS is "1e6"/],
  ])('rejects %o, naming the variable', (environment, message) => {
    // Act
    const read = () => readBudget(environment);

    // Assess
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(message);
  });
});

describe('the budget arithmetic', () => {
  it('counts input and output tokens and the dollars of priced calls', () => {
    // Act: 1,000 × $3 + 200 × $15 per million, and an unpriced call
    const spending = spendingOf([
      usage('coordinator', 1_000, 200),
      { ...usage('portfolio', 50, 5), provider: 'openai-compatible', model: 'openai/gpt-oss-20b' },
    ]);

    // Assess
    expect(spending).toEqual({ tokens: 1_255, usd: 0.006, unpricedCalls: 1 });
  });

  it('stops a call once the spending reaches the cap, with the cap, the spending and how to raise it', () => {
    // Act
    const atCap = () =>
      assertWithinBudget({ tokens: 1_000 }, { tokens: 1_000, usd: 0, unpricedCalls: 0 }, 'risk');
    const belowCap = () =>
      assertWithinBudget({ tokens: 1_000 }, { tokens: 999, usd: 0, unpricedCalls: 0 }, 'risk');
    const dollars = () =>
      assertWithinBudget({ usd: 0.25 }, { tokens: 5, usd: 0.3, unpricedCalls: 0 }, 'alpha');

    // Assess
    expect(belowCap).not.toThrow();
    expect(atCap).toThrow(
      "The run's budget of 1,000 tokens is spent: 1,000 tokens (input and output) were used before the risk agent's call. Raise QUANTCODER_BUDGET_TOKENS",
    );
    expect(dollars).toThrow(BudgetExceededError);
    expect(dollars).toThrow(
      "The run's budget of $0.25 is spent: $0.30 was used before the alpha agent's call. Raise QUANTCODER_BUDGET_USD",
    );
  });

  it('gives each of the calls made at once an even share of what is left, after its prompt', () => {
    // Prepare
    const sonnet = { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 };
    const spent = { tokens: 2_000, usd: 0.2, unpricedCalls: 0 };

    // Act / Assess: 8,000 tokens left, a quarter each, less a 500-token prompt
    expect(callAllowance({ tokens: 10_000 }, spent, sonnet, { promptTokens: 500, concurrentCalls: 4 })).toBe(
      1_500,
    );
    // $0.80 left, half each is $0.40, less $0.003 of prompt, at $15 per million output tokens
    expect(callAllowance({ usd: 1 }, spent, sonnet, { promptTokens: 1_000, concurrentCalls: 2 })).toBe(
      26_466,
    );
    // A prompt larger than the share leaves no room at all
    expect(
      callAllowance({ tokens: 10_000 }, spent, sonnet, { promptTokens: 2_500, concurrentCalls: 4 }),
    ).toBe(-500);
    expect(
      callAllowance({ usd: 1 }, spent, undefined, { promptTokens: 1_000, concurrentCalls: 2 }),
    ).toBeUndefined();
  });
});

describe('describeBudget', () => {
  it('says each limit, tokens first, dollars to the cent', () => {
    // Act / Assess
    expect(describeBudget({ usd: 0.5, tokens: 200_000 })).toBe('200,000 tokens and $0.50');
    expect(describeBudget({ usd: 2, tokens: 1_000 }, 'or')).toBe('1,000 tokens or $2.00');
    expect(describeBudget({ usd: 0.5 })).toBe('$0.50');
    expect(describeBudget({ tokens: 1_000 })).toBe('1,000 tokens');
  });
});

describe('guardBudget', () => {
  it('leaves the router as it is when the run has no budget', () => {
    // Prepare
    const models: ModelRouter = () => recordingModel();

    // Act
    const guarded = guardBudget(models, state(undefined));

    // Assess
    expect(guarded).toBe(models);
  });

  it('refuses a call once the usage in the state reaches the budget, without calling the model', async () => {
    // Prepare
    const model = recordingModel();
    const guarded = guardBudget(() => model, state({ tokens: 500 }, [usage('coordinator', 450, 50)]));

    // Act
    const outcome = guarded('alpha').generate(request(6000));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(outcome).rejects.toThrow(
      "budget of 500 tokens is spent: 500 tokens (input and output) were used before the alpha agent's call",
    );
    expect(model.requests).toHaveLength(0);
  });

  it('caps each call to the output the budget has left, keeping a smaller request as it is', async () => {
    // Prepare: 4,000 of 5,000 tokens spent
    const model = recordingModel();
    const guarded = guardBudget(() => model, state({ tokens: 5_000 }, [usage('coordinator', 3_000, 1_000)]));

    // Act
    await guarded('alpha').generate(request(6_000));
    await guarded('alpha').generate(request(500));

    // Assess: the first answer may use what is left after its prompt; the second asked for less than that
    const prompt = estimateUsage(request(6_000), null).inputTokens;
    expect(model.requests.map((sent) => sent.maxOutputTokens)).toEqual([1_000 - prompt, 500]);
  });

  it('counts the calls made since the stage started, not only the state it was given', async () => {
    // Prepare: each call uses 110 tokens; the budget is 250
    const model = recordingModel();
    const guarded = guardBudget(() => model, state({ tokens: 250 }));

    // Act
    await guarded('alpha').generate(request());
    await guarded('risk').generate(request());
    await guarded('alpha').generate(request());
    const fourth = guarded('alpha').generate(request());

    // Assess
    await expect(fourth).rejects.toThrow('330 tokens (input and output) were used');
    expect(model.requests).toHaveLength(3);
  });

  it('blames the budget, not the model, when an answer cut short by the cap does not parse', async () => {
    // Prepare
    const cutShort = new ModelOutputError('The answer is not valid JSON.');
    const guarded = guardBudget(
      () => recordingModel(cutShort),
      state({ tokens: 1_000 }, [usage('coordinator', 900, 20)]),
    );

    // Act
    const outcome = guarded('alpha').generate(request(6_000));

    // Assess
    await expect(outcome).rejects.toBeInstanceOf(BudgetExceededError);
    const room = 80 - estimateUsage(request(6_000), null).inputTokens;
    await expect(outcome).rejects.toThrow(
      `The run's budget is nearly spent (920 of 1,000 tokens used): it left room for only ${room} output tokens for the alpha agent's answer, which did not fit.`,
    );
    await expect(outcome).rejects.toHaveProperty('cause', cutShort);
  });

  it('passes an output error through when the cap did not shorten the answer', async () => {
    // Prepare
    const broken = new ModelOutputError('The answer does not match GeneratedFile.');
    const guarded = guardBudget(() => recordingModel(broken), state({ tokens: 100_000 }));

    // Act
    const outcome = guarded('alpha').generate(request(6_000));

    // Assess
    await expect(outcome).rejects.toBe(broken);
  });
});
