import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The rendered clips the adaptive-rate bench measures cue latency on: the studio's MP4s with their
 * truth sidecars (`<clip>.truth.json`). Only the fields this bench needs are read. (The studio's
 * full sidecar reader is scripts/eval/studioTruth.ts on the studio's branch; once it is merged
 * this should read through it.)
 */
const sidecar = z.object({
  clip: z.object({
    id: z.string(),
    stretch: z.string(),
    video: z.string(),
    fps: z.number(),
    widthPx: z.number().int(),
    heightPx: z.number().int(),
    complete: z.boolean(),
  }),
  script: z.object({
    phases: z.array(z.object({ kind: z.string(), startMs: z.number(), endMs: z.number() })),
    faults: z.array(
      z.object({
        id: z.string(),
        onsetMs: z.number(),
        startMs: z.number(),
        endMs: z.number(),
        offsetMs: z.number(),
      }),
    ),
  }),
});

export type StudioFault = z.infer<typeof sidecar>['script']['faults'][number];
export type StudioPhase = z.infer<typeof sidecar>['script']['phases'][number];

export interface StudioClip {
  readonly id: string;
  readonly stretch: string;
  readonly videoPath: string;
  readonly fps: number;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly phases: readonly StudioPhase[];
  readonly faults: readonly StudioFault[];
}

/** Every complete clip in `folder` whose script has faults, in name order. */
export function studioClips(folder: string): StudioClip[] {
  const clips: StudioClip[] = [];
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith('.truth.json'))
    .sort()) {
    const truth = sidecar.parse(JSON.parse(readFileSync(join(folder, name), 'utf8')));
    if (!truth.clip.complete || truth.script.faults.length === 0) continue;
    clips.push({
      id: truth.clip.id,
      stretch: truth.clip.stretch,
      videoPath: join(folder, truth.clip.video),
      fps: truth.clip.fps,
      widthPx: truth.clip.widthPx,
      heightPx: truth.clip.heightPx,
      phases: truth.script.phases,
      faults: truth.script.faults,
    });
  }
  return clips;
}

export type Span = readonly [fromMs: number, toMs: number];

/** `span` without the part from `cutFromMs` to `cutToMs`: zero, one or two pieces. */
function cutOut([fromMs, toMs]: Span, cutFromMs: number, cutToMs: number): Span[] {
  if (cutToMs <= fromMs || cutFromMs >= toMs) return [[fromMs, toMs]];
  const pieces: Span[] = [
    [fromMs, cutFromMs],
    [cutToMs, toMs],
  ];
  return pieces.filter(([a, b]) => b > a);
}

/** Still-hold time: the hold phases without any fault's span (onset to offset). */
export function stillHoldSpans(clip: StudioClip): Span[] {
  return clip.phases
    .filter((p) => p.kind === 'hold')
    .flatMap((phase) =>
      clip.faults.reduce<Span[]>(
        (pieces, fault) => pieces.flatMap((piece) => cutOut(piece, fault.onsetMs, fault.offsetMs)),
        [[phase.startMs, phase.endMs]],
      ),
    );
}
