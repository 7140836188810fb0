import { z } from 'zod';

// Query strings carry every value as text; JSON bodies carry numbers. Both are accepted.
const integer = (name: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value),
    z.number({ error: `${name} is required and must be an integer` }).int(`${name} must be an integer`),
  );
const text = (name: string) => z.string({ error: `${name} is required` });
const flag = z.preprocess(
  (value) => (value === 'true' ? true : value === 'false' ? false : value),
  z.boolean({ error: 'must be true or false' }),
);

export const ProjectCreateRequest = z.object({
  name: text('name'),
  language: text('language'),
  organizationId: z.string().optional(),
});
export const ProjectReadRequest = z.object({ projectId: integer('projectId').optional() });
export const ProjectRequest = z.object({ projectId: integer('projectId') });

export const FileCreateRequest = z.object({
  projectId: integer('projectId'),
  name: text('name'),
  content: text('content'),
});
export const FileUpdateRequest = z
  .object({
    projectId: integer('projectId'),
    name: text('name'),
    content: z.string().optional(),
    newName: z.string().optional(),
  })
  .refine((request) => request.content !== undefined || request.newName !== undefined, {
    message: 'content (or newName to rename) is required',
  });
export const FileReadRequest = z.object({ projectId: integer('projectId'), name: z.string().optional() });
export const FileDeleteRequest = z.object({ projectId: integer('projectId'), name: text('name') });

export const CompileReadRequest = z.object({ projectId: integer('projectId'), compileId: text('compileId') });

export const BacktestCreateRequest = z.object({
  projectId: integer('projectId'),
  compileId: text('compileId'),
  backtestName: text('backtestName'),
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export const BacktestRequest = z.object({ projectId: integer('projectId'), backtestId: text('backtestId') });
export const BacktestListRequest = z.object({
  projectId: integer('projectId'),
  includeStatistics: flag.optional(),
});
export const ChartReadRequest = z.object({
  projectId: integer('projectId'),
  backtestId: text('backtestId'),
  name: text('name'),
  count: integer('count'),
  start: integer('start'),
  end: integer('end'),
});
export const OrdersReadRequest = z.object({
  projectId: integer('projectId'),
  backtestId: text('backtestId'),
  start: integer('start'),
  end: integer('end'),
});

export const LiveCreateRequest = z.object({
  versionId: z.union([z.string(), z.number()]).optional(),
  projectId: integer('projectId'),
  compileId: text('compileId'),
  nodeId: text('nodeId'),
  brokerage: z.object({ id: text('brokerage.id') }).loose(),
});
export const LiveReadRequest = z.object({ projectId: integer('projectId'), deployId: z.string().optional() });

export const AiFilesRequest = z.object({
  language: z.string().optional(),
  files: z.array(z.object({ name: text('name'), content: z.string({ error: 'content is required' }) }), {
    error: 'files is required: a list of {name, content}',
  }),
});
