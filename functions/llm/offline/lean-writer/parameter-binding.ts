import type { FileContract, ParameterValue } from '../../../agents/plan.js';
import {
  fitsLine,
  type PythonBlock,
  pythonFloat,
  pythonLiteral,
  pythonString,
  valueLines,
} from './python-source.js';

/**
 * A setting a generated class needs (a lookback, a stop), with the plan's value. The contract names a
 * class's constructor parameters freely, so each setting is matched to a parameter by name, then by value.
 */
export interface Setting {
  /** Attribute the class keeps the setting in, without the leading underscore: `lookback_days`. */
  key: string;
  kind: 'int' | 'float' | 'str' | 'bool' | 'list[str]' | 'allow_short';
  planValue: ParameterValue['value'];
  /** Tested against the parameter name with underscores removed, in lower case. */
  names: RegExp;
  /** Why the setting exists, written as a comment when the plan's value has to be used directly. */
  purpose: string;
}

/** How a class gets each setting: from a constructor parameter or, failing that, from the plan. */
export interface SettingBinding {
  settings: Setting[];
  bound: Map<string, ParameterValue>;
  /** Contract parameters no setting uses; the class still accepts and keeps them. */
  unused: ParameterValue[];
}

const NUMBER_TYPES = new Set<ParameterValue['type']>(['int', 'float']);

function accepts(setting: Setting, parameter: ParameterValue): boolean {
  switch (setting.kind) {
    case 'int':
    case 'float':
      return NUMBER_TYPES.has(parameter.type) && typeof parameter.value === 'number';
    case 'allow_short':
      return parameter.type === 'bool' || parameter.type === 'str';
    default:
      return parameter.type === setting.kind;
  }
}

function normalise(name: string): string {
  return name.replaceAll('_', '').toLowerCase();
}

function sameValue(left: ParameterValue['value'], right: ParameterValue['value']): boolean {
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => item === right[index]);
  }
  return left === right;
}

/** Matches settings to the contract's constructor parameters: by name first, then by a unique equal value. */
export function bindSettings(contract: FileContract, settings: Setting[]): SettingBinding {
  const bound = new Map<string, ParameterValue>();
  const claimed = new Set<string>();
  for (const setting of settings) {
    const match = contract.constructorParameters.find(
      (parameter) =>
        !claimed.has(parameter.name) &&
        accepts(setting, parameter) &&
        setting.names.test(normalise(parameter.name)),
    );
    if (match) {
      bound.set(setting.key, match);
      claimed.add(match.name);
    }
  }
  for (const setting of settings) {
    if (bound.has(setting.key) || setting.kind === 'allow_short') continue;
    const candidates = contract.constructorParameters.filter(
      (parameter) =>
        !claimed.has(parameter.name) &&
        accepts(setting, parameter) &&
        sameValue(parameter.value, setting.planValue),
    );
    const [only] = candidates;
    if (only && candidates.length === 1) {
      bound.set(setting.key, only);
      claimed.add(only.name);
    }
  }
  const unused = contract.constructorParameters.filter((parameter) => !claimed.has(parameter.name));
  return { settings, bound, unused };
}

function conversion(setting: Setting, parameter: ParameterValue): string {
  const name = parameter.name;
  if (setting.kind === 'int' && parameter.type !== 'int') return `int(${name})`;
  if (setting.kind === 'float' && parameter.type !== 'float') return `float(${name})`;
  if (setting.kind !== 'allow_short') return name;
  if (parameter.type === 'str') return `${name}.replace("-", "_").lower() == "long_short"`;
  // A flag named like `long_only` means the opposite of allowing shorts.
  return /longonly/.test(normalise(name)) ? `not ${name}` : name;
}

function planLiteral(setting: Setting): string {
  const value = setting.planValue;
  if (setting.kind === 'float' && typeof value === 'number') return pythonFloat(value);
  if (setting.kind === 'allow_short') return value === true ? 'True' : 'False';
  if (typeof value === 'string') return pythonString(value);
  return pythonLiteral({ type: setting.kind === 'int' ? 'int' : 'float', value });
}

/**
 * The `def __init__` lines: the contract's parameters in order, annotated and defaulting to the contract's
 * values (the code never mutates a list argument, so a list default is safe here).
 */
export function constructorLines(contract: FileContract, depth: number): PythonBlock {
  const parameters = contract.constructorParameters;
  const oneLine = `def __init__(${['self', ...parameters.map((parameter) => `${parameter.name}: ${parameter.type} = ${pythonLiteral(parameter)}`)].join(', ')}) -> None:`;
  if (fitsLine(oneLine, depth)) return [oneLine];
  return [
    'def __init__(',
    [
      'self,',
      ...parameters.flatMap((parameter) =>
        valueLines(`${parameter.name}: ${parameter.type} = `, parameter, ',', depth + 1),
      ),
    ],
    ') -> None:',
  ];
}

/** The attribute the class keeps a setting in. */
export function settingAttribute(key: string): string {
  return `self._${key}`;
}

/** `__init__` lines that store every setting and every unused contract parameter on the instance. */
export function settingAssignments(binding: SettingBinding): PythonBlock {
  const lines: string[] = [];
  const attributes = new Set(binding.settings.map((setting) => setting.key));
  for (const setting of binding.settings) {
    const parameter = binding.bound.get(setting.key);
    if (parameter) {
      lines.push(`${settingAttribute(setting.key)} = ${conversion(setting, parameter)}`);
    } else {
      const purpose = setting.purpose.charAt(0).toUpperCase() + setting.purpose.slice(1);
      lines.push(`# ${purpose}: the plan's value, as the contract has no parameter for it.`);
      lines.push(`${settingAttribute(setting.key)} = ${planLiteral(setting)}`);
    }
  }
  if (binding.unused.length > 0) {
    lines.push('# Accepted to honour the contract; the trading logic does not read these.');
    for (const parameter of binding.unused) {
      const key = attributes.has(parameter.name) ? `contract_${parameter.name}` : parameter.name;
      lines.push(`${settingAttribute(key)} = ${parameter.name}`);
    }
  }
  return lines;
}

/** One sentence for the file's notes naming settings the contract had no parameter for. */
export function bindingNotes(binding: SettingBinding): string {
  const missing = binding.settings
    .filter((setting) => !binding.bound.has(setting.key))
    .map((setting) => setting.key);
  const unused = binding.unused.map((parameter) => parameter.name);
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`plan values used directly for ${missing.join(', ')}`);
  if (unused.length > 0) parts.push(`contract parameters kept but unused: ${unused.join(', ')}`);
  return parts.length > 0 ? ` Note: ${parts.join('; ')}.` : '';
}
