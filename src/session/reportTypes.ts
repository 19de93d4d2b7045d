import type { Side } from '../geometry/measures';
import type {
  FaultId,
  FormAspect,
  SessionPhase,
  StretchEndReason,
  SymptomAnswer,
} from '../protocol';
import type { KneeStateShare, ValueStats } from './reportMeasures';
import type { StallRecord } from './reportStalls';
import type {
  Incident,
  CueRecord,
  DepthMeasure,
  RecordedEndReason,
  ReportLeg,
  SessionMeta,
  StretchInfo,
} from './sessionRecord';

/** What the report screen shows. All times are session time (ms since the session started). */

/** A fault from start to end. `open`: still running when the recording stopped. */
export interface FaultSpan {
  readonly fault: FaultId;
  readonly aspect: FormAspect | 'safety' | null;
  readonly gatesHold: boolean;
  readonly startTMs: number;
  readonly durationMs: number;
  readonly open: boolean;
}

export interface BounceRecord {
  readonly atMs: number;
  readonly amplitudeDeg: number;
  readonly frequencyHz: number;
}

interface RepCommon {
  readonly stretchId: string;
  readonly leg: ReportLeg;
  readonly startTMs: number;
  readonly endTMs: number;
  /** Time from start to end, without user pauses (the protocol's `totalMs`). */
  readonly totalMs: number;
  /** The protocol ended it as complete (full hold, or the set's reps). */
  readonly completed: boolean;
  /** The recording stopped before the protocol ended it (crash or closed page). */
  readonly interrupted: boolean;
  readonly faults: readonly FaultSpan[];
  readonly cues: readonly CueRecord[];
}

export interface HoldRepReport extends RepCommon {
  readonly kind: 'hold';
  /** 1-based within its leg. */
  readonly rep: number;
  readonly targetMs: number | null;
  readonly heldInFormMs: number;
  /** Times the hold timer stopped. */
  readonly breaks: number;
  readonly depthMeasure: DepthMeasure | null;
  /**
   * Depth reached and kept: the 90th percentile (`PEAK_PERCENTILE`) of the depth angle over the
   * frames held in form (in the target position, outside every fault period). Null when no
   * frame was.
   */
  readonly peakDeg: number | null;
  /** Mean depth angle over the same frames. */
  readonly meanDeg: number | null;
  /** How many kept frames the peak and mean come from. */
  readonly heldFrames: number;
  /** From the rep's start to the target position, null if never reached. */
  readonly timeToPositionMs: number | null;
  readonly knee: {
    readonly minDeg: number | null;
    readonly maxDeg: number | null;
    /** Most frequent first. */
    readonly states: readonly KneeStateShare[];
  };
  readonly rounding: {
    readonly meanIndex: number | null;
    readonly maxIndex: number | null;
    readonly method: string | null;
    /**
     * Why the back was not checked in this hold, when its stretch checks the back and no frame of
     * the hold had a back outline to read (geometry gives no rounding then, rather than a guess);
     * null when it was checked or the stretch does not check it. Absent from reports built
     * before the back was checked only from its outline.
     */
    readonly notChecked?: BackNotChecked | null;
  };
  readonly bounces: readonly BounceRecord[];
}

/**
 * - `model-without-mask`: the model gives no person mask (MoveNet), so it cannot see the back's
 *   outline at all;
 * - `outline-not-seen`: the model has one, but the outline was never clear enough to read.
 */
export type BackNotChecked = 'model-without-mask' | 'outline-not-seen';

export interface GlideSetReport extends RepCommon {
  readonly kind: 'glide';
  readonly set: number;
  readonly targetReps: number | null;
  readonly reps: number;
  /** Cycles too quick to count. */
  readonly rejected: number;
  readonly meanRepMs: number | null;
  /** False when only the neck could be followed (no heel and toe points). */
  readonly ankleTracked: boolean;
  readonly neck: ValueStats;
}

export type RepReport = HoldRepReport | GlideSetReport;

export interface SymptomRecord {
  readonly stretchId: string;
  readonly atMs: number;
  /** Null when the question was skipped, or for the in-session button (it names no symptom). */
  readonly answer: SymptomAnswer | null;
  readonly anySymptom: boolean;
  /**
   * `pain-button`: "I feel pain or tingling" was pressed mid-session. Absent (summaries saved
   * before the button existed) means the symptom check.
   */
  readonly source?: 'symptom-check' | 'pain-button';
}

/** One run of a stretch (a stretch can run twice, e.g. after a resume). */
export interface StretchReport {
  readonly stretchId: string;
  readonly name: string;
  readonly kind: 'hold' | 'glide';
  readonly info: StretchInfo | null;
  readonly startTMs: number;
  readonly endTMs: number;
  readonly endReason: StretchEndReason | 'interrupted';
  readonly reps: readonly RepReport[];
  /** Legs in the order they were worked. */
  readonly legs: readonly ReportLeg[];
  /** Faults outside any rep (rare: the protocol checks form during reps). */
  readonly otherFaults: readonly FaultSpan[];
  readonly symptom: SymptomRecord | null;
  /** Every cue given while this stretch ran (its reps' cues included). */
  readonly cues: readonly CueRecord[];
}

/** One stretch and leg over the whole session: what the history tracks. */
export interface LegSummary {
  readonly stretchId: string;
  readonly leg: ReportLeg;
  readonly depthMeasure: DepthMeasure | null;
  readonly peakDeg: number | null;
  readonly meanDeg: number | null;
  readonly heldInFormMs: number;
  /** Target hold per rep times the planned reps (glides: 0). */
  readonly targetMs: number;
  readonly repsDone: number;
  readonly repsCompleted: number;
  readonly repsPlanned: number | null;
  readonly faultCount: number;
}

export interface SessionTotals {
  readonly heldInFormMs: number;
  readonly targetMs: number;
  readonly faultCount: number;
  readonly faultMs: number;
  readonly cueCount: number;
  readonly glideReps: number;
}

export interface SessionReport {
  readonly meta: SessionMeta;
  readonly durationMs: number;
  readonly stretches: readonly StretchReport[];
  readonly legs: readonly LegSummary[];
  readonly totals: SessionTotals;
  readonly symptoms: readonly SymptomRecord[];
  readonly warmUp: 'warmed-up' | 'skipped' | null;
  readonly pauses: { readonly count: number; readonly totalMs: number };
  readonly stopped: { readonly atMs: number; readonly phase: SessionPhase } | null;
  readonly endReason: RecordedEndReason | null;
  /** Gaps in the analysis: the model restarted, the camera was lost. */
  readonly incidents: readonly Incident[];
  /** Holds that would not come, and what the user chose (ease the target, move on). */
  readonly stalls: readonly StallRecord[];
  /** Plain-language sentences for the top of the report. */
  readonly summary: readonly string[];
}

export type { KneeStateShare, ValueStats, Side, StallRecord };
