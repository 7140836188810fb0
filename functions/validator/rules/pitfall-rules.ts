import type { ValidationRule } from '../validation-rule.js';
import { callbackSignatureRule } from './callback-signature.js';
import { blockingSleepRule, localFileAccessRule, printCallRule } from './discouraged-calls.js';
import { eventHandlerNameRule } from './event-handler-name.js';
import { frameworkModelRule } from './framework-model.js';
import { historyInOnDataRule } from './history-in-on-data.js';
import { hookSignatureRule } from './hook-signature.js';
import { indicatorNotReadyRule } from './indicator-not-ready.js';
import { indicatorShadowedRule } from './indicator-shadowed.js';
import { missingStartDateRule } from './missing-start-date.js';
import { scheduleCallbackRule } from './schedule-callback.js';
import { stringConcatenationRule } from './string-concatenation.js';
import { uncheckedSliceAccessRule } from './unchecked-slice-access.js';

/** The LEAN hook, framework-model and pitfall rules: mistakes that make generated algorithms crash or misbehave. */
export const PITFALL_RULES: readonly ValidationRule[] = [
  hookSignatureRule,
  frameworkModelRule,
  callbackSignatureRule,
  scheduleCallbackRule,
  indicatorShadowedRule,
  stringConcatenationRule,
  indicatorNotReadyRule,
  historyInOnDataRule,
  uncheckedSliceAccessRule,
  eventHandlerNameRule,
  missingStartDateRule,
  printCallRule,
  blockingSleepRule,
  localFileAccessRule,
];
