import type { BodyPose, Side } from '../scene/pose';
import type { StudioFaultId, StudioPhaseKind } from '../../../scripts/eval/studioTruth';
import { blendPoses, ease } from './blend';
import type { FaultPlan } from './plan';

/**
 * A clip's script as data: phases on a timeline, each a pose function of time, with faults laid
 * over it. Times in milliseconds from the clip's start.
 */
export interface PhaseMeta {
  readonly leg: Side | 'both' | null;
  readonly rep: number | null;
  readonly set: number | null;
}

interface Segment extends PhaseMeta {
  readonly kind: StudioPhaseKind;
  readonly startMs: number;
  readonly endMs: number;
  readonly pose: (localMs: number, durationMs: number) => BodyPose;
}

export interface ScriptedFault {
  readonly id: StudioFaultId;
  /** The fault starts to appear. */
  readonly onsetMs: number;
  /** Fully present from here ... */
  readonly startMs: number;
  /** ... to here. */
  readonly endMs: number;
  /** Gone. */
  readonly offsetMs: number;
  readonly leg: Side | 'both' | null;
  /** How much: degrees of the angle the fault moves (see faults.ts). */
  readonly amountDeg: number;
  readonly bounce?: { readonly frequencyHz: number; readonly peakToPeakDeg: number };
}

const NO_META: PhaseMeta = { leg: null, rep: null, set: null };

export class Timeline {
  private readonly segments: Segment[] = [];
  private readonly faultList: ScriptedFault[] = [];
  nowMs = 0;
  private last: BodyPose;

  constructor(start: BodyPose) {
    this.last = start;
  }

  /** The pose at the end of the timeline so far. */
  get current(): BodyPose {
    return this.last;
  }

  /** A phase whose pose is any function of time (walks, glide reps). */
  add(
    kind: StudioPhaseKind,
    durationMs: number,
    pose: (localMs: number, durationMs: number) => BodyPose,
    meta: PhaseMeta = NO_META,
  ): this {
    const startMs = this.nowMs;
    this.segments.push({ kind, startMs, endMs: startMs + durationMs, pose, ...meta });
    this.nowMs += durationMs;
    this.last = pose(durationMs, durationMs);
    return this;
  }

  /** An eased move from the current pose to `to`. */
  move(kind: StudioPhaseKind, durationMs: number, to: BodyPose, meta: PhaseMeta = NO_META): this {
    const from = this.last;
    return this.add(kind, durationMs, (t, d) => blendPoses(from, to, ease(t / d)), meta);
  }

  /** Stays in the current pose (breathing and drift are added later). */
  stay(kind: StudioPhaseKind, durationMs: number, meta: PhaseMeta = NO_META): this {
    const pose = this.last;
    return this.add(kind, durationMs, () => pose, meta);
  }

  /** The plan's faults for one hold or glide set that started at `startMs`. */
  plannedFaults(faults: readonly FaultPlan[], startMs: number, rampMs: number): this {
    for (const f of faults) {
      this.fault({
        id: f.id,
        onsetMs: startMs + f.atMs,
        offsetMs: startMs + f.atMs + f.durationMs,
        rampMs,
        leg: f.leg,
        amountDeg: f.amountDeg,
        ...(f.bounce === undefined ? {} : { bounce: f.bounce }),
      });
    }
    return this;
  }

  fault(fault: Omit<ScriptedFault, 'startMs' | 'endMs'> & { readonly rampMs: number }): this {
    const { rampMs, ...rest } = fault;
    this.faultList.push({
      ...rest,
      startMs: fault.onsetMs + rampMs,
      endMs: fault.offsetMs - rampMs,
    });
    return this;
  }

  get durationMs(): number {
    return this.nowMs;
  }

  get faults(): readonly ScriptedFault[] {
    return this.faultList;
  }

  phases(): {
    kind: StudioPhaseKind;
    startMs: number;
    endMs: number;
    leg: Side | 'both' | null;
    rep: number | null;
    set: number | null;
  }[] {
    return this.segments.map(({ kind, startMs, endMs, leg, rep, set }) => ({
      kind,
      startMs,
      endMs,
      leg,
      rep,
      set,
    }));
  }

  /** The segment at `tMs` (the last one past the end). */
  segmentAt(tMs: number): Segment {
    const found = this.segments.find((s) => tMs < s.endMs) ?? this.segments.at(-1);
    if (found === undefined) throw new Error('timeline: empty');
    return found;
  }

  /** The scripted pose at `tMs`, before faults and breathing. */
  poseAt(tMs: number): BodyPose {
    const segment = this.segmentAt(tMs);
    const local = Math.min(segment.endMs, Math.max(segment.startMs, tMs)) - segment.startMs;
    return segment.pose(local, segment.endMs - segment.startMs);
  }
}

/** How present a fault is at `tMs`: 0 before onset and after offset, 1 between start and end. */
export function faultLevel(fault: ScriptedFault, tMs: number): number {
  if (tMs <= fault.onsetMs || tMs >= fault.offsetMs) return 0;
  if (tMs < fault.startMs)
    return ease((tMs - fault.onsetMs) / Math.max(1, fault.startMs - fault.onsetMs));
  if (tMs > fault.endMs)
    return ease((fault.offsetMs - tMs) / Math.max(1, fault.offsetMs - fault.endMs));
  return 1;
}
