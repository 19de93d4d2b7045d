import { z } from 'zod';
import './zodSetup';
import type { BodyOrientation, Side, ViewAngle } from '../geometry/measures';
import { KEYPOINT_NAMES } from '../geometry/types';
import type {
  HoldBreakReason,
  ProtocolEvent,
  ProtocolEventType,
  RepLeg,
  SessionEndReason,
  SessionPhase,
  SetupIssueKind,
  StallChoice,
  StretchEndReason,
} from '../protocol';
import { FORM_ASPECTS } from '../protocol';

/**
 * zod schemas of the protocol's events, for checking imported sessions. Each enum below is
 * checked against the protocol's type at compile time (`Exhaustive`), and the event map must
 * name every event type: when the protocol adds a phase or an event, this file stops compiling
 * until the import schema learns it, instead of rejecting new files at run time.
 */

/** Compiles only when `Listed` covers every member of `All`. */
type Exhaustive<All, Listed extends All> = [Exclude<All, Listed>] extends [never] ? true : never;

const PHASES = [
  'idle',
  'warm-up',
  'setup',
  'countdown',
  'hold',
  'glide',
  'rest',
  'symptom-check',
  'symptom-advice',
  'done',
] as const satisfies readonly SessionPhase[];
const SIDES = ['left', 'right'] as const satisfies readonly Side[];
const REP_LEGS = ['left', 'right', 'both'] as const satisfies readonly RepLeg[];
const VIEWS = ['side', 'oblique', 'frontal'] as const satisfies readonly ViewAngle[];
const ORIENTATIONS = ['upright', 'seated', 'lying'] as const satisfies readonly BodyOrientation[];
const BREAK_REASONS = [
  'out-of-position',
  'form',
  'cannot-see',
  'no-person',
] as const satisfies readonly HoldBreakReason[];
const STALL_CHOICES = ['ease-target', 'move-on'] as const satisfies readonly StallChoice[];
const STRETCH_END_REASONS = [
  'completed',
  'stopped',
  'skipped',
] as const satisfies readonly StretchEndReason[];
const SESSION_END_REASONS = [
  'completed',
  'stopped',
  'symptoms',
] as const satisfies readonly SessionEndReason[];

export const ENUMS_ARE_EXHAUSTIVE: [
  Exhaustive<SessionPhase, (typeof PHASES)[number]>,
  Exhaustive<RepLeg, (typeof REP_LEGS)[number]>,
  Exhaustive<ViewAngle, (typeof VIEWS)[number]>,
  Exhaustive<BodyOrientation, (typeof ORIENTATIONS)[number]>,
  Exhaustive<HoldBreakReason, (typeof BREAK_REASONS)[number]>,
  Exhaustive<StretchEndReason, (typeof STRETCH_END_REASONS)[number]>,
  Exhaustive<SessionEndReason, (typeof SESSION_END_REASONS)[number]>,
  Exhaustive<StallChoice, (typeof STALL_CHOICES)[number]>,
] = [true, true, true, true, true, true, true, true];

/** Ids (stretch, fault, cue key) are short kebab-case words; anything long is not ours. */
export const idString = z.string().min(1).max(100);
/** Times and durations: finite, and under a day (a session is minutes long). */
const DAY_MS = 86_400_000;
export const timeMs = z.number().min(-DAY_MS).max(DAY_MS);
const durationMs = z.number().min(0).max(DAY_MS);
const count = z.number().int().min(0).max(1_000_000);
const angleDeg = z.number().min(-360).max(360);

export const phaseSchema = z.enum(PHASES);
export const sideSchema = z.enum(SIDES);
export const repLegSchema = z.enum(REP_LEGS);
export const sessionEndReasonSchema = z.enum(SESSION_END_REASONS);
const keypointList = z.array(z.enum(KEYPOINT_NAMES)).max(KEYPOINT_NAMES.length);

const setupIssueSchemas = {
  'no-person': z.strictObject({ kind: z.literal('no-person') }),
  'not-whole-body': z.strictObject({ kind: z.literal('not-whole-body'), joints: keypointList }),
  'not-side-on': z.strictObject({ kind: z.literal('not-side-on'), view: z.enum(VIEWS).nullable() }),
  'wrong-orientation': z.strictObject({
    kind: z.literal('wrong-orientation'),
    expected: z.enum(ORIENTATIONS),
    actual: z.enum(ORIENTATIONS).nullable(),
  }),
  'no-working-leg': z.strictObject({ kind: z.literal('no-working-leg') }),
  'wrong-leg': z.strictObject({ kind: z.literal('wrong-leg'), expected: sideSchema }),
  'start-condition': z.strictObject({
    kind: z.literal('start-condition'),
    conditionIndex: z.number().int().min(0).max(100),
  }),
  'cannot-see': z.strictObject({ kind: z.literal('cannot-see'), joints: keypointList }),
} satisfies Record<SetupIssueKind, z.ZodType>;

const setupIssueSchema = z.discriminatedUnion(
  'kind',
  Object.values(setupIssueSchemas) as [
    (typeof setupIssueSchemas)[SetupIssueKind],
    ...(typeof setupIssueSchemas)[SetupIssueKind][],
  ],
);

const symptomAnswerSchema = z.strictObject({
  tingling: z.boolean(),
  numbness: z.boolean(),
  sharpPain: z.boolean(),
});

const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), atMs: timeMs, ...shape });

const EVENT_SCHEMAS = {
  'session-started': event('session-started', { stretchIds: z.array(idString).max(50) }),
  'warm-up-reminder': event('warm-up-reminder', {}),
  'warm-up-answered': event('warm-up-answered', { answer: z.enum(['warmed-up', 'skipped']) }),
  'stretch-started': event('stretch-started', {
    stretchId: idString,
    index: count,
    kind: z.enum(['hold', 'glide']),
  }),
  'phase-changed': event('phase-changed', {
    from: phaseSchema,
    to: phaseSchema,
    stretchId: idString.nullable(),
    leg: repLegSchema.nullable(),
    rep: count,
  }),
  'setup-changed': event('setup-changed', {
    stretchId: idString,
    issues: z.array(setupIssueSchema).max(50),
  }),
  'countdown-tick': event('countdown-tick', { remaining: count }),
  'rep-started': event('rep-started', {
    stretchId: idString,
    leg: repLegSchema,
    rep: count,
    set: count.optional(),
  }),
  'position-reached': event('position-reached', {}),
  'position-lost': event('position-lost', {}),
  'hold-paused': event('hold-paused', {
    reason: z.enum(BREAK_REASONS),
    faults: z.array(idString).max(50),
    joints: keypointList,
  }),
  'hold-resumed': event('hold-resumed', { breakMs: durationMs }),
  'hold-stalled': event('hold-stalled', {
    stretchId: idString,
    leg: repLegSchema,
    rep: count,
    waitedMs: durationMs,
    reachedInRep: z.boolean(),
    easeOffered: z.boolean(),
  }),
  'stall-choice': event('stall-choice', {
    stretchId: idString,
    leg: repLegSchema,
    rep: count,
    choice: z.enum(STALL_CHOICES),
    waitedMs: durationMs,
  }),
  'hold-second': event('hold-second', { heldMs: durationMs, holdMs: durationMs }),
  'fault-started': event('fault-started', {
    fault: idString,
    aspect: z.enum([...FORM_ASPECTS, 'safety']),
    gatesHold: z.boolean(),
    startMs: timeMs,
  }),
  'fault-ended': event('fault-ended', { fault: idString, startMs: timeMs, durationMs }),
  'bounce-detected': event('bounce-detected', {
    amplitudeDeg: angleDeg,
    frequencyHz: z.number().min(0).max(100),
  }),
  'rep-ended': event('rep-ended', {
    stretchId: idString,
    leg: repLegSchema,
    rep: count,
    heldInFormMs: durationMs,
    totalMs: durationMs,
    breaks: count,
    completed: z.boolean(),
  }),
  'glide-rep': event('glide-rep', {
    stretchId: idString,
    leg: sideSchema,
    set: count,
    rep: count,
    repMs: durationMs,
    ankleTracked: z.boolean(),
  }),
  'glide-rep-rejected': event('glide-rep-rejected', {
    reason: z.literal('too-fast'),
    repMs: durationMs,
  }),
  'set-ended': event('set-ended', {
    stretchId: idString,
    leg: sideSchema,
    set: count,
    reps: count,
    totalMs: durationMs,
    completed: z.boolean(),
  }),
  'rest-started': event('rest-started', {
    restMs: durationMs,
    next: z.enum(['rep', 'set', 'leg']),
  }),
  'switch-leg': event('switch-leg', { to: sideSchema }),
  'stretch-ended': event('stretch-ended', {
    stretchId: idString,
    reason: z.enum(STRETCH_END_REASONS),
  }),
  'symptom-check': event('symptom-check', { stretchId: idString }),
  'symptom-answered': event('symptom-answered', {
    stretchId: idString,
    answer: symptomAnswerSchema,
    anySymptom: z.boolean(),
  }),
  'symptom-check-skipped': event('symptom-check-skipped', { stretchId: idString }),
  'symptom-advice': event('symptom-advice', {
    stretchId: idString,
    nerveGlideOffered: z.boolean(),
  }),
  'symptom-reported': event('symptom-reported', {
    stretchId: idString.nullable(),
    phase: phaseSchema,
  }),
  paused: event('paused', { phase: phaseSchema }),
  resumed: event('resumed', { pausedMs: durationMs }),
  stopped: event('stopped', { phase: phaseSchema }),
  skipped: event('skipped', { phase: phaseSchema }),
  'command-ignored': event('command-ignored', { command: idString, phase: phaseSchema }),
  'session-ended': event('session-ended', { reason: sessionEndReasonSchema }),
} satisfies Record<ProtocolEventType, z.ZodType>;

type EventSchema = (typeof EVENT_SCHEMAS)[ProtocolEventType];

export const protocolEventSchema = z.discriminatedUnion(
  'type',
  Object.values(EVENT_SCHEMAS) as [EventSchema, ...EventSchema[]],
);

/** A parsed event is a protocol event (compile-time check). */
export const PARSED_EVENTS_ARE_PROTOCOL_EVENTS: z.infer<
  typeof protocolEventSchema
> extends ProtocolEvent
  ? true
  : never = true;
