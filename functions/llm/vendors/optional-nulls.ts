import type { JsonSchema } from './strict-json-schema.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(node: unknown, root: JsonSchema): JsonSchema | undefined {
  if (!isRecord(node)) return undefined;
  const reference = node.$ref;
  if (typeof reference !== 'string' || !reference.startsWith('#')) return node;
  let target: unknown = root;
  for (const part of reference.slice(1).split('/').filter(Boolean)) {
    target = isRecord(target) ? target[part.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
  }
  return isRecord(target) ? target : undefined;
}

function typesOf(node: JsonSchema): string[] {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return node.type.filter((type): type is string => typeof type === 'string');
  if (isRecord(node.properties)) return ['object'];
  if ('items' in node) return ['array'];
  return [];
}

/** The union member a value belongs to, judged by its JSON type: enough for the schemas agents use. */
function branchFor(value: unknown, node: JsonSchema, root: JsonSchema): JsonSchema {
  const variants = [node.anyOf, node.oneOf].filter(Array.isArray).flat();
  if (variants.length === 0) return node;
  const kind = Array.isArray(value) ? 'array' : 'object';
  for (const variant of variants) {
    const resolved = resolve(variant, root);
    if (resolved && typesOf(resolved).includes(kind)) return branchFor(value, resolved, root);
  }
  return node;
}

function strip(value: unknown, schema: unknown, root: JsonSchema): unknown {
  const resolved = resolve(schema, root);
  if (!resolved || (!Array.isArray(value) && !isRecord(value))) return value;
  const node = branchFor(value, resolved, root);
  if (Array.isArray(value)) return value.map((item) => strip(item, node.items, root));
  const properties = isRecord(node.properties) ? node.properties : {};
  const required = new Set(Array.isArray(node.required) ? node.required : []);
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null && key in properties && !required.has(key)) continue;
    result[key] = key in properties ? strip(item, properties[key], root) : item;
  }
  return result;
}

/**
 * Removes the nulls a strict-mode model writes for optional properties (strict mode cannot omit a
 * key), so that the answer parses with the original zod schema. `schema` is the original JSON Schema,
 * whose `required` lists tell optional from nullable; a null where null is allowed stays.
 */
export function stripOptionalNulls(value: unknown, schema: JsonSchema): unknown {
  return strip(value, schema, schema);
}
