import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTool, type McpHarness, startMcpHarness } from './mcp-harness.js';

type Entry = Record<string, unknown> & { overloads?: Array<Record<string, unknown>> };

let harness: McpHarness;

async function lookUp(query: string, limit?: number) {
  const result = await callTool(harness.client, 'get_api_docs', { query, ...(limit ? { limit } : {}) });
  const matches = (result.structuredContent?.matches ?? []) as Entry[];
  return { ...result, matches };
}

beforeAll(async () => {
  harness = await startMcpHarness();
});

afterAll(() => harness.close());

describe('get_api_docs', () => {
  it('gives a member of a type in both naming forms, with parameters, arity, kind and return type', async () => {
    // Act
    const { matches, structuredContent, isError } = await lookUp('QCAlgorithm.sma');

    // Assess
    expect(isError).toBeUndefined();
    expect(structuredContent?.leanCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      kind: 'method',
      name: 'SMA',
      pythonName: 'sma',
      declaringType: 'QCAlgorithm',
      obsolete: false,
      overloads: [
        {
          signature: 'sma(symbol, period, resolution=…, selector=…)',
          csharpSignature: 'SMA(symbol, period, resolution=…, selector=…)',
          arity: { min: 2, max: 4 },
          returns: 'SimpleMovingAverage',
          parameters: [
            { name: 'symbol', pythonName: 'symbol' },
            { name: 'period', pythonName: 'period' },
            { name: 'resolution', pythonName: 'resolution' },
            { name: 'selector', pythonName: 'selector' },
          ],
        },
      ],
    });
  });

  it('snake-cases C# parameter names and merges overloads that look alike from Python', async () => {
    // Act
    const { matches } = await lookUp('self.set_holdings');

    // Assess
    const signatures = matches[0]?.overloads?.map((overload) => overload.signature);
    expect(signatures).toEqual([
      'set_holdings(targets, liquidate_existing_holdings=…, asynchronous=…, tag=…, order_properties=…)',
      'set_holdings(symbol, percentage, liquidate_existing_holdings=…, asynchronous=…, tag=…, order_properties=…)',
    ]);
  });

  it('finds a type with its constructors and members, and an enum member in both forms', async () => {
    // Act
    const type = await lookUp('SimpleMovingAverage', 1);
    const enumMember = await lookUp('Resolution.DAILY');
    const nested = await lookUp('Futures.Indices.SP_500_E_MINI');

    // Assess
    expect(type.matches[0]).toMatchObject({
      kind: 'class',
      name: 'SimpleMovingAverage',
      typeKey: 'QuantConnect.Indicators.SimpleMovingAverage',
      constructors: [
        { signature: 'SimpleMovingAverage(name, period)', arity: { min: 2, max: 2 } },
        { signature: 'SimpleMovingAverage(period)', arity: { min: 1, max: 1 } },
      ],
    });
    expect(type.matches[0]?.members).toMatchObject({
      names: expect.arrayContaining(['is_ready', 'current', 'update', 'warm_up_period']),
    });
    expect(enumMember.matches[0]).toMatchObject({ kind: 'enum_member', name: 'Daily', pythonName: 'DAILY' });
    expect(nested.matches[0]).toMatchObject({
      declaringType: 'Futures.Indices',
      pythonName: 'SP_500_E_MINI',
    });
  });

  it('flags obsolete members', async () => {
    // Act
    const { matches, text } = await lookUp('QCAlgorithm.option_chain_provider');

    // Assess
    expect(matches[0]).toMatchObject({ kind: 'property', obsolete: true, readonly: true });
    expect(text).toContain('OBSOLETE');
  });

  it('finds a member by name alone, QCAlgorithm first', async () => {
    // Act
    const { matches } = await lookUp('add_equity');

    // Assess
    expect(matches[0]).toMatchObject({ name: 'AddEquity', declaringType: 'QCAlgorithm' });
    expect(matches[0]).not.toHaveProperty('returns');
    expect(matches[0]?.overloads?.[0]?.returns).toBe('Equity');
  });

  it('finds a member written in neither naming form, and says how Python spells it', async () => {
    // Act
    const { matches } = await lookUp('QCAlgorithm.setHoldings');

    // Assess
    expect(matches[0]).toMatchObject({
      name: 'SetHoldings',
      pythonName: 'set_holdings',
      note: "Python does not bind 'setHoldings': write 'set_holdings' or 'SetHoldings'.",
    });
  });

  it('searches a phrase across type and member names', async () => {
    // Act
    const { matches, structuredContent } = await lookUp('simple moving average', 5);

    // Assess
    expect(matches.map((match) => match.name)).toContain('SimpleMovingAverage');
    expect(structuredContent?.total).toBeGreaterThanOrEqual(matches.length);
  });

  it('answers an unknown member with "did you mean"', async () => {
    // Act
    const result = await lookUp('Resolution.DAYLY');

    // Assess
    expect(result.isError).toBe(true);
    expect(result.text).toContain("Resolution has no member 'DAYLY'");
    expect(result.text).toContain("Did you mean 'DAILY'");
  });

  it('answers an unknown name with the closest names, or with how to ask when nothing is close', async () => {
    // Act
    const misspelled = await lookUp('SimpleMovingAvrage');
    const nothing = await lookUp('zzqqxx');

    // Assess
    expect(misspelled.isError).toBe(true);
    expect(misspelled.text).toContain("'SimpleMovingAverage'");
    expect(nothing.isError).toBe(true);
    expect(nothing.text).toContain("No LEAN type or member is named 'zzqqxx'");
    expect(nothing.text).toContain('Ask for a type, Type.member');
  });
});
