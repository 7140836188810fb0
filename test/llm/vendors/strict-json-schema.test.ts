import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PlanDraft } from '../../../functions/agents/plan.js';
import { GeneratedFile, IntegrationRepair } from '../../../functions/agents/tasks.js';
import { stripOptionalNulls } from '../../../functions/llm/vendors/optional-nulls.js';
import { type JsonSchema, toStrictJsonSchema } from '../../../functions/llm/vendors/strict-json-schema.js';

function jsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function isSchemaNode(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object node in a schema, wherever it sits. */
function objectNodes(node: unknown): JsonSchema[] {
  if (typeof node !== 'object' || node === null) return [];
  const children = Object.values(node).flatMap(objectNodes);
  return isSchemaNode(node) && node.type === 'object' ? [node, ...children] : children;
}

describe('toStrictJsonSchema', () => {
  it.each([
    ['PlanDraft', PlanDraft],
    ['GeneratedFile', GeneratedFile],
    ['IntegrationRepair', IntegrationRepair],
  ])('makes the %s schema strict: every object closed, every property required', (_name, schema) => {
    // Act
    const conversion = toStrictJsonSchema(jsonSchema(schema));
    // Assess
    expect(conversion.strict).toBe(true);
    if (!conversion.strict) return;
    for (const node of objectNodes(conversion.schema)) {
      expect(node.additionalProperties).toBe(false);
      expect(node.required).toEqual(Object.keys(node.properties as object));
    }
  });

  it('turns an optional property into a required nullable one, keeping its description', () => {
    // Prepare
    const schema = z.object({
      name: z.string(),
      average: z.enum(['sma', 'ema']).optional().describe('which average'),
    });
    // Act
    const conversion = toStrictJsonSchema(jsonSchema(schema));
    // Assess
    expect(conversion).toMatchObject({
      strict: true,
      schema: {
        required: ['name', 'average'],
        properties: {
          average: {
            anyOf: [{ type: 'string', enum: ['sma', 'ema'] }, { type: 'null' }],
            description: 'which average',
          },
        },
      },
    });
  });

  it('moves constraints strict mode lacks into the description instead of sending them', () => {
    // Prepare
    const schema = z.object({ code: z.string().min(1).describe('the module') });
    // Act
    const conversion = toStrictJsonSchema(jsonSchema(schema));
    // Assess
    expect(conversion).toMatchObject({
      strict: true,
      schema: {
        properties: { code: { type: 'string', description: 'the module (must also satisfy: minLength 1)' } },
      },
    });
  });

  it('keeps constraints strict mode supports: pattern, bounds, item counts', () => {
    // Prepare
    const schema = z.object({ name: z.string().regex(/^[a-z]+$/), size: z.number().int().positive().max(9) });
    // Act
    const conversion = toStrictJsonSchema(jsonSchema(schema));
    // Assess
    expect(conversion).toMatchObject({
      strict: true,
      schema: {
        properties: {
          name: { type: 'string', pattern: '^[a-z]+$' },
          size: { type: 'integer', exclusiveMinimum: 0, maximum: 9 },
        },
      },
    });
  });

  it.each([
    ['a record', z.object({ scores: z.record(z.string(), z.number()) }), 'record'],
    ['a tuple', z.object({ pair: z.tuple([z.string(), z.number()]) }), 'prefixItems'],
    ['an any value', z.object({ anything: z.unknown() }), 'any value'],
    ['a non-object root', z.array(z.string()), 'root'],
  ])('reports %s as having no strict form', (_label, schema, reason) => {
    // Act
    const conversion = toStrictJsonSchema(jsonSchema(schema));
    // Assess
    expect(conversion.strict).toBe(false);
    if (conversion.strict) return;
    expect(conversion.reason).toContain(reason);
  });
});

describe('stripOptionalNulls', () => {
  it('drops nulls for optional properties, nested in objects and arrays, and keeps nullable ones', () => {
    // Prepare
    const schema = z.object({
      items: z.array(z.object({ label: z.string().optional(), weight: z.number().nullable() })),
      inner: z.object({ note: z.string().optional() }),
    });
    const value = { items: [{ label: null, weight: null }], inner: { note: null } };
    // Act
    const stripped = stripOptionalNulls(value, jsonSchema(schema));
    // Assess
    expect(stripped).toEqual({ items: [{ weight: null }], inner: {} });
    expect(schema.safeParse(stripped).success).toBe(true);
  });

  it('follows union members by JSON type', () => {
    // Prepare
    const schema = z.object({ either: z.union([z.string(), z.object({ extra: z.number().optional() })]) });
    // Act
    const stripped = stripOptionalNulls({ either: { extra: null } }, jsonSchema(schema));
    // Assess
    expect(stripped).toEqual({ either: {} });
  });

  it('leaves values that are not objects or arrays alone', () => {
    // Act / Assess
    expect(stripOptionalNulls('text', jsonSchema(z.object({})))).toBe('text');
  });
});
