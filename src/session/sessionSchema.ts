import { z } from 'zod';
import './zodSetup';
import { clientNameSchema } from './clientSchema';
import { CUE_PRIORITIES } from '../feedback/cueTypes';
import type { KneeState, RoundingMethod } from '../geometry/measures';
import {
  idString,
  protocolEventSchema,
  sessionEndReasonSchema,
  sideSchema,
  timeMs,
} from './eventSchema';
import { NUMBER_COLUMNS, SAMPLE_COLUMNS } from './sampleBlock';
import type { SampleBlock } from './sampleBlock';
import type { SessionChunk, SessionMeta, SessionRecord } from './sessionRecord';
import { SESSION_SCHEMA_VERSION } from './sessionRecord';

/**
 * The export file's schema (zod): what an imported file must be, field by field, with limits
 * on every size so a file cannot make the app hold or store more than a real export would.
 */

export const EXPORT_FORMAT = 'stretchcheck.sessions';

/**
 * Per-session limits, far above a real session: 100,000 samples is 2.8 hours at the recorder's
 * 10 Hz; a 10-minute session has about 6,000 samples, 1,500 events and 100 cues.
 */
export const SESSION_LIMITS = {
  samples: 100_000,
  events: 200_000,
  cues: 20_000,
  incidents: 1_000,
  stretches: 50,
  segments: 1_000,
  sessionsPerFile: 2_000,
  textLength: 500,
} as const;

/** Session ids: letters, digits, `-`, `_` (a UUID fits), so they are safe in URLs and keys. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** 2000-01-01 to 2100-01-01: a start outside this is not a real recording. */
const epochMs = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1))
  .max(Date.UTC(2100, 0, 1));
const nonNegativeTime = timeMs.min(0);

const stretchInfoSchema = z.strictObject({
  id: idString,
  name: z.string().min(1).max(200),
  kind: z.enum(['hold', 'glide']),
  legs: z.enum(['each-leg', 'both-legs']),
  holdMs: z.number().int().min(0).max(3_600_000).nullable(),
  reps: z.number().int().min(0).max(100).nullable(),
  repsPerSet: z.number().int().min(0).max(1_000).nullable(),
  sets: z.number().int().min(0).max(100).nullable(),
  depthMeasure: z.enum(['hipFlexionDeg', 'legRaiseDeg']).nullable(),
});

export const sessionMetaSchema = z.strictObject({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: z.string().regex(SESSION_ID_PATTERN, 'must be 1-64 letters, digits, - or _'),
  startedAtEpochMs: epochMs,
  status: z.enum(['recording', 'finished']),
  endedAtEpochMs: epochMs.nullable(),
  endReason: z.union([sessionEndReasonSchema, z.literal('interrupted')]).nullable(),
  lastTMs: nonNegativeTime,
  routine: z.array(idString).max(SESSION_LIMITS.stretches),
  stretches: z.array(stretchInfoSchema).max(SESSION_LIMITS.stretches),
  model: z.string().min(1).max(100).nullable(),
  sampleIntervalMs: z.number().int().min(1).max(60_000),
  segments: z
    .array(z.strictObject({ startTMs: nonNegativeTime, startedAtEpochMs: epochMs }))
    .min(1)
    .max(SESSION_LIMITS.segments),
  client: clientNameSchema.optional(),
});

const KNEE_STATES = ['straight', 'soft', 'locked', 'bent'] as const satisfies readonly KneeState[];
const ROUNDING_METHODS = [
  'neck-flexion',
  'trunk-chord',
  'back-contour',
] as const satisfies readonly RoundingMethod[];

const column = <T extends z.ZodType>(value: T) => z.array(value).max(SESSION_LIMITS.samples);
/** Angles in degrees, or the dimensionless rounding index; a wide bound that real values fit. */
const measureValue = z.number().min(-1_000).max(1_000).nullable();

const numberColumns = Object.fromEntries(
  NUMBER_COLUMNS.map((name) => [name, column(measureValue)]),
) as {
  [K in (typeof NUMBER_COLUMNS)[number]]: ReturnType<typeof column<typeof measureValue>>;
};

export const sampleBlockSchema = z
  .strictObject({
    tMs: column(nonNegativeTime),
    personFound: column(z.boolean()),
    workingLeg: column(sideSchema.nullable()),
    nearSide: column(sideSchema.nullable()),
    kneeStateLeft: column(z.enum(KNEE_STATES).nullable()),
    kneeStateRight: column(z.enum(KNEE_STATES).nullable()),
    roundingMethod: column(z.enum(ROUNDING_METHODS).nullable()),
    ...numberColumns,
  })
  .superRefine((block, ctx) => {
    const length = block.tMs.length;
    for (const name of SAMPLE_COLUMNS) {
      if (block[name].length !== length)
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `has ${block[name].length} values but tMs has ${length}`,
        });
    }
    for (let i = 1; i < length; i++) {
      if ((block.tMs[i] ?? 0) < (block.tMs[i - 1] ?? 0)) {
        ctx.addIssue({ code: 'custom', path: ['tMs', i], message: 'sample times go backwards' });
        break;
      }
    }
  });

const cueRecordSchema = z.strictObject({
  atMs: timeMs,
  cueKey: z.string().min(1).max(200),
  text: z.string().max(SESSION_LIMITS.textLength),
  priority: z.enum(CUE_PRIORITIES),
  spoken: z.boolean(),
});

const incidentSchema = z.strictObject({
  atMs: timeMs,
  durationMs: timeMs,
  kind: z.enum(['analysis-gap', 'camera-lost']),
  detail: z.string().max(SESSION_LIMITS.textLength),
});

/** Files written before incidents were recorded have none: still the same format version. */
const incidentsField = z.array(incidentSchema).max(SESSION_LIMITS.incidents).default([]);

export const sessionRecordSchema = z.strictObject({
  meta: sessionMetaSchema,
  samples: sampleBlockSchema,
  events: z.array(protocolEventSchema).max(SESSION_LIMITS.events),
  cues: z.array(cueRecordSchema).max(SESSION_LIMITS.cues),
  incidents: incidentsField,
});

export const sessionChunkSchema = z.strictObject({
  sessionId: sessionMetaSchema.shape.id,
  seq: z.number().int().min(0).max(1_000_000),
  samples: sampleBlockSchema,
  events: z.array(protocolEventSchema).max(SESSION_LIMITS.events),
  cues: z.array(cueRecordSchema).max(SESSION_LIMITS.cues),
  incidents: incidentsField,
});

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  exportedAtEpochMs: epochMs,
  sessions: z.array(sessionRecordSchema).min(1).max(SESSION_LIMITS.sessionsPerFile),
});

export type ExportFile = {
  readonly format: typeof EXPORT_FORMAT;
  readonly schemaVersion: typeof SESSION_SCHEMA_VERSION;
  readonly exportedAtEpochMs: number;
  readonly sessions: readonly SessionRecord[];
};

/** Parsed data has the record types (compile-time checks). */
export const PARSED_TYPES_MATCH: [
  z.infer<typeof sessionMetaSchema> extends SessionMeta ? true : never,
  z.infer<typeof sampleBlockSchema> extends SampleBlock ? true : never,
  z.infer<typeof sessionRecordSchema> extends SessionRecord ? true : never,
  z.infer<typeof sessionChunkSchema> extends SessionChunk ? true : never,
] = [true, true, true, true];
