import { z } from 'zod';
import { STAGE_ENV, STAGE_IDS, type StageId } from '../functions/pipeline/stage-ids.js';
import { QuantCoderError } from '../functions/shared/errors.js';

/** The synthesized template does not hold the state machine this module expects; a bug in lib/, not in a run. */
export class DefinitionResolutionError extends QuantCoderError {
  override readonly name = 'DefinitionResolutionError';
}

/** An Amazon States Language state: its `Type` and whatever else that type carries. */
export const AslState = z.looseObject({ Type: z.string() });
export type AslState = z.infer<typeof AslState>;

/** An Amazon States Language state machine (or a Parallel branch): where it starts and its states. */
export const AslDefinition = z.looseObject({
  StartAt: z.string(),
  States: z.record(z.string(), AslState),
});
export type AslDefinition = z.infer<typeof AslDefinition>;

export interface ResolvedDefinition {
  /** The state machine in plain ASL; each Lambda ARN is `placeholderFunctionArn(logicalId)`. */
  readonly definition: AslDefinition;
  /** Logical id of every stage function → its stage (its QUANTCODER_STAGE). */
  readonly stageByLogicalId: Readonly<Record<string, StageId>>;
  /** Name of every Task state, Parallel branches included → the stage its Lambda runs. */
  readonly stageByState: Readonly<Record<string, StageId>>;
}

/** Values for the pseudo parameters a definition may mention; any valid ARN parts do. */
const PSEUDO_PARAMETERS: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'amazonaws.com',
};

/** A readable, valid Lambda ARN standing for the function with this logical id. */
export function placeholderFunctionArn(logicalId: string): string {
  return `arn:${PSEUDO_PARAMETERS['AWS::Partition']}:lambda:${PSEUDO_PARAMETERS['AWS::Region']}:${PSEUDO_PARAMETERS['AWS::AccountId']}:function:${logicalId}`;
}

const Resource = z.object({
  Type: z.string(),
  Properties: z.record(z.string(), z.unknown()).optional(),
});
const Template = z.object({ Resources: z.record(z.string(), Resource) });
const StageEnvironment = z.object({
  Environment: z.object({ Variables: z.object({ [STAGE_ENV]: z.enum(STAGE_IDS) }) }),
});

/**
 * Turns a synthesized CloudFormation template into the state machine's plain ASL: the
 * DefinitionString's Fn::Join is joined, each Lambda `Fn::GetAtt [id, Arn]` becomes
 * `placeholderFunctionArn(id)`, and pseudo parameters get fixed values. Also says which stage
 * each function and each Task state runs. Pass `stateMachineLogicalId` when the template holds
 * more than one state machine.
 */
export function resolveDefinition(template: unknown, stateMachineLogicalId?: string): ResolvedDefinition {
  const parsed = Template.safeParse(template);
  if (!parsed.success) {
    throw new DefinitionResolutionError(`Not a CloudFormation template: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  }
  const resources = parsed.data.Resources;
  const functionIds = new Set(
    Object.entries(resources)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([logicalId]) => logicalId),
  );

  const stageByLogicalId: Record<string, StageId> = {};
  for (const logicalId of functionIds) {
    const environment = StageEnvironment.safeParse(resources[logicalId]?.Properties);
    if (environment.success) stageByLogicalId[logicalId] = environment.data.Environment.Variables[STAGE_ENV];
  }

  const definitionString = stateMachineResource(resources, stateMachineLogicalId).Properties
    ?.DefinitionString;
  const json = resolveValue(definitionString, functionIds);
  let definition: AslDefinition;
  try {
    definition = AslDefinition.parse(JSON.parse(json));
  } catch (error) {
    throw new DefinitionResolutionError('The resolved DefinitionString is not an ASL state machine.', {
      cause: error,
    });
  }

  const stageByResource = new Map(
    Object.entries(stageByLogicalId).map(([logicalId, stage]) => [placeholderFunctionArn(logicalId), stage]),
  );
  const stageByState: Record<string, StageId> = {};
  for (const [name, state] of allStates(definition)) {
    if (state.Type !== 'Task') continue;
    const stage = typeof state.Resource === 'string' ? stageByResource.get(state.Resource) : undefined;
    if (!stage) throw new DefinitionResolutionError(`Task state ${name} calls no stage function.`);
    stageByState[name] = stage;
  }
  return { definition, stageByLogicalId, stageByState };
}

/** Every state of a definition with its name, the states inside Parallel branches included. */
export function allStates(definition: AslDefinition): Array<[string, AslState]> {
  return Object.entries(definition.States).flatMap(([name, state]): Array<[string, AslState]> => {
    const branches = z.array(AslDefinition).safeParse(state.Branches);
    const nested = state.Type === 'Parallel' && branches.success ? branches.data.flatMap(allStates) : [];
    return [[name, state], ...nested];
  });
}

function stateMachineResource(
  resources: Record<string, z.infer<typeof Resource>>,
  logicalId: string | undefined,
): z.infer<typeof Resource> {
  const candidates = Object.entries(resources).filter(
    ([id, resource]) =>
      resource.Type === 'AWS::StepFunctions::StateMachine' && (logicalId === undefined || id === logicalId),
  );
  const [first, ...others] = candidates;
  if (!first || others.length > 0) {
    throw new DefinitionResolutionError(
      `Expected one state machine${logicalId ? ` with logical id ${logicalId}` : ''}, found ${candidates.length}.`,
    );
  }
  return first[1];
}

const Join = z.object({ 'Fn::Join': z.tuple([z.string(), z.array(z.unknown())]) });
const GetAtt = z.object({ 'Fn::GetAtt': z.tuple([z.string(), z.string()]) });
const Ref = z.object({ Ref: z.string() });

/** Resolves the intrinsic functions a synthesized DefinitionString uses into a string. */
function resolveValue(value: unknown, functionIds: ReadonlySet<string>): string {
  if (typeof value === 'string') return value;
  const join = Join.safeParse(value);
  if (join.success) {
    const [separator, parts] = join.data['Fn::Join'];
    return parts.map((part) => resolveValue(part, functionIds)).join(separator);
  }
  const getAtt = GetAtt.safeParse(value);
  if (getAtt.success) {
    const [logicalId, attribute] = getAtt.data['Fn::GetAtt'];
    if (attribute === 'Arn' && functionIds.has(logicalId)) return placeholderFunctionArn(logicalId);
  }
  const ref = Ref.safeParse(value);
  if (ref.success) {
    const pseudo = PSEUDO_PARAMETERS[ref.data.Ref];
    if (pseudo !== undefined) return pseudo;
  }
  throw new DefinitionResolutionError(
    `The DefinitionString uses ${JSON.stringify(value)}, which only a deployed stack can resolve.`,
  );
}
