/**
 * The stretch protocol: declarative stretch definitions and the pure session machine.
 * `transition(state, input, nowMs) -> [next, events]`; see events.ts for what it reports.
 */
export { transition, nerveGlideOffered } from './transition';
export type { SessionInput, TimeTick, UserCommand } from './commands';
export { TIME_TICK, isTimeTick, isUserCommand } from './commands';
export type { SessionOptions, SessionState } from './sessionState';
export {
  DEFAULT_SESSION_OPTIONS,
  currentStretch,
  expectedLeg,
  heldInFormMs,
  initialSessionState,
  repLeg,
} from './sessionState';
export type * from './events';
export { NO_EVENTS } from './events';
export type * from './stretchDefinition';
export { FORM_ASPECTS } from './stretchDefinition';
export {
  StretchDefinitionError,
  stretchDefinitionProblems,
  validateStretchDefinition,
} from './validateStretchDefinition';
export { NERVE_GLIDE_ID, STRETCHES, findStretch, stretchById } from './stretches/registry';
export type { AspectJudgement, FormVerdict } from './formJudgement';
export { judgeAspects, targetValue } from './formJudgement';
export { EASED_TARGET_DEG, STALL_AFTER_MS, effectiveTarget, holdWaitingSinceMs } from './holdStall';
export type { BounceConfig } from './bounceDetector';
export { DEFAULT_BOUNCE_CONFIG } from './bounceDetector';
