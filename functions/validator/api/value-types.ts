import type { ResolvedMember } from '../catalog/member-index.js';
import type { ClassModel } from './class-models.js';

/** The algorithm object (`self` in a QCAlgorithm subclass, `algorithm` in a framework hook). */
export interface AlgorithmReceiver {
  /**
   * Every attribute the user's algorithm can have is in `userNames` or QCAlgorithm's members: the classes are
   * all in sight, none uses setattr or __getattr__. Unknown names are errors only then.
   */
  certain: boolean;
  /** Names the user's algorithm classes define or store. */
  userNames: ReadonlySet<string>;
  /** The class `self` belongs to, whose stores give the types of user attributes. */
  model: ClassModel | undefined;
}

/** What the checks know about the value of an expression. */
export type ValueType =
  | { kind: 'unknown' }
  | { kind: 'algorithm'; receiver: AlgorithmReceiver }
  /**
   * An instance of a LEAN type, inferred through type_key/returns_key, a hook's parameter or a constructor:
   * the runtime object may be a subclass, so findings on it are warnings. `self` of a Python subclass of a
   * LEAN type carries its model (the attributes the user's class defines).
   */
  | { kind: 'instance'; key: string; model?: ClassModel }
  /** A LEAN type itself (`Resolution`, `Futures.Indices`, `RollingWindow[float]`). */
  | { kind: 'type'; keys: readonly string[]; typeArguments?: number }
  /** A bound or static method, with how it was spelled and the type arguments of `method[T]`. */
  | {
      kind: 'method';
      receiver: ValueType;
      resolved: ResolvedMember;
      spelled: string;
      typeArguments: number | undefined;
    };

export const UNKNOWN: ValueType = { kind: 'unknown' };

/** Two inferred types that name the same thing (for merging the assignments of one attribute). */
export function sameType(left: ValueType, right: ValueType): boolean {
  if (left.kind === 'instance' && right.kind === 'instance') return left.key === right.key;
  if (left.kind === 'type' && right.kind === 'type')
    return left.keys.join() === right.keys.join() && left.typeArguments === right.typeArguments;
  if (left.kind === 'algorithm' && right.kind === 'algorithm') return true;
  return false;
}
