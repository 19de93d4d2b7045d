import { z } from 'zod';
import '../../session/zodSetup';
import { KEYPOINT_NAMES, POSE_MODEL_IDS } from '../../geometry/types';
import { FORBIDDEN_CHARACTERS } from '../../session/clientName';
import { clientNameSchema } from '../../session/clientSchema';
import { SESSION_ID_PATTERN } from '../../session/sessionSchema';
import { MAX_AUTHOR_CHARS, MAX_NOTE_CHARS, MAX_NOTES } from '../annotations';
import { MAX_TITLE_CHARS } from '../clipTypes';
import { ABSENT_SCORE, POSE_TRACK_FORMAT, POSE_TRACK_VERSION } from '../poseTrack';

/**
 * What a review bundle holds, entry by entry, as zod schemas with a limit on every size: a bundle
 * comes from another browser, maybe another person, and nothing in it is trusted until it passes.
 * Objects are strict (unknown keys are refused), so nothing rides along unchecked.
 */

export const BUNDLE_FORMAT = 'stretchcheck-review-bundle';
/** Bump on any change of a bundle's shape; import refuses versions it does not know. */
export const BUNDLE_FORMAT_VERSION = 1;

/** The whole bundle file; larger ones are refused before they are read. */
export const MAX_BUNDLE_BYTES = 600 * 1024 ** 2;
/** A phone's 1080p minute is ~100-150 MB; a recorded 10-minute session ~75 MB. */
export const MAX_VIDEO_BYTES = 512 * 1024 ** 2;
/** Each JSON entry: a 2-hour track at 10 frames a second is ~20 MB. */
export const MAX_JSON_ENTRY_BYTES = 64 * 1024 ** 2;
/** 3 hours at 30 frames a second. */
export const MAX_TRACK_FRAMES = 324_000;

/** The entries a bundle may have; any other name (a path, `..`, a stray file) is refused. */
export const VIDEO_ENTRY_NAMES = [
  'video.webm',
  'video.mp4',
  'video.mov',
  'video.mkv',
  'video.ogv',
  'video.bin',
] as const;
export const JSON_ENTRY_NAMES = [
  'manifest.json',
  'track.json',
  'session.json',
  'report.json',
  'notes.json',
] as const;
export type BundleEntryName =
  (typeof VIDEO_ENTRY_NAMES)[number] | (typeof JSON_ENTRY_NAMES)[number];

const DAY_MS = 86_400_000;
const epochMs = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1))
  .max(Date.UTC(2100, 0, 1));
const id = z.string().regex(SESSION_ID_PATTERN, 'letters, digits, - and _ only, up to 64');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in hex');
/** `video/webm;codecs=vp9`, `video/mp4`...: a video type and optional parameters. */
const videoMimeType = z
  .string()
  .max(100)
  .regex(/^video\/[a-z0-9.+-]+(\s*;[ -~]*)?$/i, 'a video type');
const samplingRate = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('per-second'), perSecond: z.number().min(0.1).max(120) }),
  z.strictObject({ kind: z.literal('every-frame') }),
]);

export const manifestClipSchema = z.strictObject({
  id,
  title: z
    .string()
    .max(MAX_TITLE_CHARS)
    .refine((title) => !FORBIDDEN_CHARACTERS.test(title), 'must not contain control characters'),
  createdAtEpochMs: epochMs,
  origin: z.enum(['live', 'upload', 'bundle']),
  sessionId: id,
  sessionTimeAtVideoStartMs: z.number().min(0).max(DAY_MS),
  durationMs: z.number().min(0).max(DAY_MS),
  video: z.strictObject({
    mimeType: videoMimeType,
    byteSize: z.number().int().min(1).max(MAX_VIDEO_BYTES),
    widthPx: z.number().int().min(1).max(16_384),
    heightPx: z.number().int().min(1).max(16_384),
    fileName: z.string().max(255).nullable(),
  }),
  model: z.enum(POSE_MODEL_IDS),
  stretchIds: z.array(z.string().min(1).max(100)).max(20),
  analysis: z
    .strictObject({
      rate: samplingRate,
      framesAnalysed: z.number().int().min(0).max(MAX_TRACK_FRAMES),
      stretchChoice: z.enum(['chosen', 'detected']),
      detectionExplanation: z.string().max(1_000).nullable(),
    })
    .nullable(),
  client: clientNameSchema.optional(),
});

export const manifestEntrySchema = z.strictObject({
  name: z.enum([...VIDEO_ENTRY_NAMES, ...JSON_ENTRY_NAMES]),
  bytes: z.number().int().min(0).max(MAX_VIDEO_BYTES),
  sha256,
});

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  createdAtEpochMs: epochMs,
  /** Free text for a person opening the zip by hand. */
  about: z.string().max(500),
  clip: manifestClipSchema,
  entries: z
    .array(manifestEntrySchema)
    .min(1)
    .max(JSON_ENTRY_NAMES.length + 1),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

export const noteSchema = z.strictObject({
  id,
  atMs: z.number().min(0).max(DAY_MS),
  text: z.string().min(1).max(MAX_NOTE_CHARS),
  author: z.string().max(MAX_AUTHOR_CHARS).nullable(),
  createdAtEpochMs: epochMs,
  updatedAtEpochMs: epochMs,
});
export const notesFileSchema = z.strictObject({
  clipId: id,
  notes: z.array(noteSchema).max(MAX_NOTES),
});

const coordinate = z.number().min(-100_000).max(100_000);

/** A pose track: columns of equal length, times in order, each frame's points complete. */
export const poseTrackSchema = z
  .strictObject({
    format: z.literal(POSE_TRACK_FORMAT),
    version: z.literal(POSE_TRACK_VERSION),
    model: z.enum(POSE_MODEL_IDS),
    keypointNames: z.array(z.enum(KEYPOINT_NAMES)).min(1).max(KEYPOINT_NAMES.length),
    imageSize: z.strictObject({
      widthPx: z.number().int().min(1).max(16_384),
      heightPx: z.number().int().min(1).max(16_384),
    }),
    tMs: z.array(z.number().min(0).max(DAY_MS)).max(MAX_TRACK_FRAMES),
    scores: z.array(z.number().min(0).max(1).nullable()).max(MAX_TRACK_FRAMES),
    points: z
      .array(
        z
          .array(coordinate)
          .max(KEYPOINT_NAMES.length * 3)
          .nullable(),
      )
      .max(MAX_TRACK_FRAMES),
  })
  .superRefine((track, ctx) => {
    const frames = track.tMs.length;
    if (new Set(track.keypointNames).size !== track.keypointNames.length)
      ctx.addIssue({ code: 'custom', path: ['keypointNames'], message: 'names repeat' });
    if (track.scores.length !== frames || track.points.length !== frames)
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'columns differ in length' });
    for (let i = 1; i < frames; i++) {
      if ((track.tMs[i] ?? 0) < (track.tMs[i - 1] ?? 0)) {
        ctx.addIssue({ code: 'custom', path: ['tMs', i], message: 'times go backwards' });
        break;
      }
    }
    const width = track.keypointNames.length * 3;
    const bad = track.points.findIndex(
      (p, i) =>
        (p === null) !== (track.scores[i] === null) ||
        (p !== null &&
          (p.length !== width ||
            p.some((v, k) => k % 3 === 2 && v !== ABSENT_SCORE && (v < 0 || v > 1)))),
    );
    if (bad >= 0)
      ctx.addIssue({ code: 'custom', path: ['points', bad], message: 'not a complete pose' });
  });
