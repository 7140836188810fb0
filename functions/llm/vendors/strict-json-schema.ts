/** A JSON Schema node as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** The schema rewritten for strict mode, or why it cannot be. */
export type StrictConversion = { strict: true; schema: JsonSchema } | { strict: false; reason: string };

/** Keywords OpenAI's strict mode accepts; others are dropped and, where they constrain, told in the description. */
const STRICT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'enum',
  'const',
  'description',
  '$ref',
  '$defs',
  'definitions',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);

/** Annotations that constrain nothing; dropped silently. */
const SILENT_KEYWORDS = new Set([
  '$schema',
  '$id',
  'title',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
]);

/** Keywords that strict mode has no counterpart for: the schema stays non-strict. */
const BLOCKING_KEYWORDS = ['allOf', 'not', 'if', 'then', 'else', 'prefixItems', 'patternProperties'];

/** Thrown inside the walk when a node has no strict form; caught by toStrictJsonSchema. */
class NotStrictError extends Error {
  override readonly name: string = 'NotStrictError';
}

function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullable(node: JsonSchema): boolean {
  if (Array.isArray(node.enum)) return node.enum.includes(null);
  if (node.type === 'null' || (Array.isArray(node.type) && node.type.includes('null'))) return true;
  const variants = [node.anyOf, node.oneOf].filter(Array.isArray).flat();
  return variants.some((variant) => isSchemaObject(variant) && isNullable(variant));
}

/** The schema, also accepting null: how strict mode spells an optional property. */
function nullable(node: JsonSchema): JsonSchema {
  if (isNullable(node)) return node;
  const { description, ...rest } = node;
  return {
    anyOf: [rest, { type: 'null' }],
    ...(description === undefined ? {} : { description }),
  };
}

function describeDropped(dropped: Array<[string, unknown]>): string {
  return dropped.map(([keyword, value]) => `${keyword} ${JSON.stringify(value)}`).join(', ');
}

function strictNode(node: unknown, path: string): JsonSchema {
  if (!isSchemaObject(node)) throw new NotStrictError(`${path} is not a schema object`);
  const blocking = BLOCKING_KEYWORDS.find((keyword) => keyword in node);
  if (blocking) throw new NotStrictError(`${path} uses ${blocking}`);
  const result: JsonSchema = {};
  const dropped: Array<[string, unknown]> = [];
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === 'oneOf') result.anyOf = value;
    else if (STRICT_KEYWORDS.has(keyword)) result[keyword] = value;
    else if (!SILENT_KEYWORDS.has(keyword)) dropped.push([keyword, value]);
  }
  if (!['type', 'anyOf', '$ref', 'enum', 'const'].some((keyword) => keyword in result)) {
    throw new NotStrictError(`${path} accepts any value`);
  }
  if (dropped.length > 0) {
    const note = `(must also satisfy: ${describeDropped(dropped)})`;
    result.description = typeof result.description === 'string' ? `${result.description} ${note}` : note;
  }
  for (const container of ['$defs', 'definitions'] as const) {
    const definitions = result[container];
    if (isSchemaObject(definitions)) {
      result[container] = Object.fromEntries(
        Object.entries(definitions).map(([name, definition]) => [
          name,
          strictNode(definition, `${path}/${container}/${name}`),
        ]),
      );
    }
  }
  if (Array.isArray(result.anyOf)) {
    result.anyOf = result.anyOf.map((variant, index) => strictNode(variant, `${path}/anyOf/${index}`));
  }
  if ('items' in result) {
    if (!isSchemaObject(result.items)) throw new NotStrictError(`${path}/items is not a single schema`);
    result.items = strictNode(result.items, `${path}/items`);
  }
  const isObject = result.type === 'object' || isSchemaObject(result.properties);
  if (isObject) strictObject(result, path);
  return result;
}

function strictObject(result: JsonSchema, path: string): void {
  const additional = result.additionalProperties;
  if (additional !== undefined && additional !== false) {
    throw new NotStrictError(`${path} allows keys it does not name (a record)`);
  }
  const properties = isSchemaObject(result.properties) ? result.properties : {};
  const required = new Set(Array.isArray(result.required) ? result.required : []);
  result.properties = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => {
      const strict = strictNode(property, `${path}/properties/${key}`);
      return [key, required.has(key) ? strict : nullable(strict)];
    }),
  );
  result.required = Object.keys(properties);
  result.additionalProperties = false;
}

/**
 * Rewrites a JSON Schema into the subset OpenAI's strict mode (and Mistral's) accepts: every property
 * required, optional ones as nullable, no extra keys, unsupported constraints moved into descriptions.
 * Records, intersections, tuples and "any" values have no strict form; the caller then sends strict:false.
 */
export function toStrictJsonSchema(schema: JsonSchema): StrictConversion {
  if (schema.type !== 'object') return { strict: false, reason: 'the root is not an object' };
  try {
    return { strict: true, schema: strictNode(schema, '#') };
  } catch (error) {
    if (error instanceof NotStrictError) return { strict: false, reason: error.message };
    throw error;
  }
}
