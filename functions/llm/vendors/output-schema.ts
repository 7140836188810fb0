import { z } from 'zod';
import type { ModelRequest } from '../model.js';
import { type JsonSchema, toStrictJsonSchema } from './strict-json-schema.js';

/** A request's schema in the forms vendors take. */
export interface OutputSchema {
  /** A name vendors accept for a tool or response format (letters, digits, `_`, `-`; at most 64). */
  name: string;
  /** The schema as zod writes it for input: Anthropic's tool input, and the guide for stripping nulls. */
  plain: JsonSchema;
  /** OpenAI's strict subset of it, or the plain schema when it has no strict form. */
  constrained: JsonSchema;
  strict: boolean;
  /** Why the schema could not be made strict, when it could not. */
  notStrictBecause?: string;
}

function vendorName(schemaName: string): string {
  const cleaned = schemaName.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'answer';
}

/** Converts a request's zod schema to JSON Schema, plain and strict. */
export function outputSchemaFor(request: ModelRequest<unknown>): OutputSchema {
  return outputSchemaOf(request.schema, request.schemaName);
}

/** Converts a named zod schema to JSON Schema, plain and strict; the same schema always gives the same JSON. */
export function outputSchemaOf(schema: z.ZodType, schemaName: string): OutputSchema {
  // `io: 'input'` because the model writes what the schema parses, before defaults and transforms;
  // unrepresentable parts become "any", which only costs the strict form.
  const { $schema: _dialect, ...plain } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  const conversion = toStrictJsonSchema(plain);
  const name = vendorName(schemaName);
  if (conversion.strict) return { name, plain, constrained: conversion.schema, strict: true };
  // No strict form: send the plain schema with strict:false; zod still checks the answer and repairs follow.
  return { name, plain, constrained: plain, strict: false, notStrictBecause: conversion.reason };
}

/** The instruction that carries the schema in JSON mode, where the vendor does not take one. */
export function jsonModeInstruction(schema: OutputSchema): string {
  return `Answer with one JSON object and nothing else (no Markdown fence, no prose). It must match this JSON Schema, named ${schema.name}:\n${JSON.stringify(schema.plain)}`;
}
