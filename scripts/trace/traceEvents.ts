/**
 * Reading a Chromium trace (the JSON `Tracing` writes): which thread is which, how busy each one
 * was, and where its JavaScript spent the time (from the V8 sampling profiler's chunks).
 */

/** One event of the Trace Event Format (only the fields used here). */
export interface TraceEvent {
  readonly name: string;
  readonly cat?: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  /** Microseconds. */
  readonly ts: number;
  /** Microseconds, complete ('X') events only. */
  readonly dur?: number;
  /** The thread's CPU time in the event, microseconds (where the trace measured it). */
  readonly tdur?: number;
  readonly id?: string;
  readonly args?: Record<string, unknown>;
}

export interface ThreadKey {
  readonly pid: number;
  readonly tid: number;
}

export const threadId = (t: ThreadKey): string => `${t.pid}:${t.tid}`;

/** Thread names from the trace's metadata ('CrRendererMain', 'DedicatedWorker thread', …). */
export function threadNames(events: readonly TraceEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') {
      names.set(threadId(e), String((e.args?.['name'] as string | undefined) ?? ''));
    }
  }
  return names;
}

/** The top-level task of a thread's message loop: what "busy" is counted from. */
const TOP_LEVEL_TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

/** A task longer than the long-task limit: its wall time, and the CPU time its thread got in it. */
export interface LongTask {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface ThreadBusy {
  /** Wall time in tasks. */
  readonly busyMs: number;
  /** CPU time the thread got in those tasks: less than `busyMs` when it waited for a core. */
  readonly cpuMs: number;
  readonly longTasks: readonly LongTask[];
}

/**
 * Milliseconds each thread spent running tasks between `fromUs` and `toUs`, counting nested
 * top-level tasks once, and the CPU time it got in them. Also the tasks longer than `longTaskMs`.
 */
export function threadBusy(
  events: readonly TraceEvent[],
  fromUs: number,
  toUs: number,
  longTaskMs = 50,
): Map<string, ThreadBusy> {
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !TOP_LEVEL_TASKS.has(e.name) || e.dur === undefined) continue;
    if (e.ts + e.dur < fromUs || e.ts > toUs) continue;
    const list = byThread.get(threadId(e)) ?? [];
    list.push(e);
    byThread.set(threadId(e), list);
  }
  const result = new Map<string, ThreadBusy>();
  for (const [id, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    let busyUs = 0;
    let cpuUs = 0;
    let coveredTo = -Infinity;
    const longTasks: LongTask[] = [];
    for (const e of list) {
      const dur = e.dur ?? 0;
      const start = Math.max(e.ts, fromUs, coveredTo);
      const end = Math.min(e.ts + dur, toUs);
      if (end > start) busyUs += end - start;
      // A task nested in one already counted adds no CPU of its own.
      if (e.ts >= coveredTo) {
        cpuUs += ((e.tdur ?? 0) * Math.max(0, end - start)) / Math.max(1, dur);
        if (dur / 1000 > longTaskMs)
          longTasks.push({ wallMs: dur / 1000, cpuMs: (e.tdur ?? 0) / 1000 });
      }
      coveredTo = Math.max(coveredTo, e.ts + dur);
    }
    result.set(id, { busyMs: busyUs / 1000, cpuMs: cpuUs / 1000, longTasks });
  }
  return result;
}

/**
 * Milliseconds per event name on each thread (complete events only, nested ones of the same name
 * counted once): 'Paint', 'Layout', 'MinorGC', … as the devtools timeline records them.
 */
export function timeByEventName(
  events: readonly TraceEvent[],
  fromUs: number,
  toUs: number,
  names: ReadonlySet<string>,
): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  const coveredTo = new Map<string, number>();
  const sorted = events
    .filter((e) => e.ph === 'X' && names.has(e.name) && e.ts >= fromUs && e.ts <= toUs)
    .sort((a, b) => a.ts - b.ts);
  for (const e of sorted) {
    const key = `${threadId(e)}|${e.name}`;
    const start = Math.max(e.ts, coveredTo.get(key) ?? -Infinity);
    const end = e.ts + (e.dur ?? 0);
    coveredTo.set(key, Math.max(coveredTo.get(key) ?? -Infinity, end));
    if (end <= start) continue;
    const perThread = result.get(threadId(e)) ?? new Map<string, number>();
    perThread.set(e.name, (perThread.get(e.name) ?? 0) + (end - start) / 1000);
    result.set(threadId(e), perThread);
  }
  return result;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url?: string };
  readonly parent?: number;
}

/** A thread's V8 samples: for each, the stack of function names (innermost first) and its time. */
export interface ThreadSamples {
  readonly thread: string;
  readonly samples: { readonly stack: readonly string[]; readonly ms: number }[];
  /** Script URLs seen in the thread's stacks (tells the pose worker from other workers). */
  readonly urls: ReadonlySet<string>;
}

interface ProfileState {
  readonly thread: string;
  readonly nodes: Map<number, ProfileNode>;
  readonly out: ThreadSamples;
  timeUs: number;
}

/**
 * Rebuilds the sampling profiler's stacks from its 'Profile' / 'ProfileChunk' events, keeping the
 * samples taken between `fromUs` and `toUs`.
 */
export function cpuSamples(
  events: readonly TraceEvent[],
  fromUs: number,
  toUs: number,
): ThreadSamples[] {
  const profiles = new Map<string, ProfileState>();
  for (const e of events) {
    if (e.name === 'Profile' && e.id !== undefined) {
      const data = e.args?.['data'] as { startTime?: number } | undefined;
      const thread = threadId(e);
      profiles.set(`${e.pid}|${e.id}`, {
        thread,
        nodes: new Map(),
        out: { thread, samples: [], urls: new Set<string>() },
        timeUs: data?.startTime ?? e.ts,
      });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id === undefined) continue;
    const state = profiles.get(`${e.pid}|${e.id}`);
    if (state === undefined) continue;
    const data = e.args?.['data'] as
      | {
          cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
          timeDeltas?: number[];
        }
      | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) {
      state.nodes.set(node.id, node);
      if (node.callFrame.url) (state.out.urls as Set<string>).add(node.callFrame.url);
    }
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const deltaUs = deltas[i] ?? 0;
      state.timeUs += deltaUs;
      if (state.timeUs < fromUs || state.timeUs > toUs) continue;
      const stack: string[] = [];
      let node = state.nodes.get(samples[i] ?? -1);
      while (node !== undefined) {
        stack.push(node.callFrame.functionName || '(anonymous)');
        node = node.parent === undefined ? undefined : state.nodes.get(node.parent);
      }
      // A sample stands for the time until the next one; the first delta is the gap before it.
      state.out.samples.push({ stack, ms: Math.max(0, deltas[i + 1] ?? deltaUs) / 1000 });
    }
  }
  const merged = new Map<string, ThreadSamples>();
  for (const { out } of profiles.values()) {
    const existing = merged.get(out.thread);
    if (existing === undefined) merged.set(out.thread, out);
    else {
      existing.samples.push(...out.samples);
      for (const url of out.urls) (existing.urls as Set<string>).add(url);
    }
  }
  return [...merged.values()];
}

/** Time whose stack contains a function called `name` (each sample counted once per name). */
export function inclusiveMs(samples: ThreadSamples, names: readonly string[]): Map<string, number> {
  const result = new Map<string, number>(names.map((n) => [n, 0]));
  for (const { stack, ms } of samples.samples) {
    for (const name of names)
      if (stack.includes(name)) result.set(name, (result.get(name) ?? 0) + ms);
  }
  return result;
}

/** The functions that were running themselves (top of the stack), by total time. */
export function selfMs(samples: ThreadSamples): [string, number][] {
  const result = new Map<string, number>();
  for (const { stack, ms } of samples.samples) {
    const top = stack[0] ?? '(none)';
    result.set(top, (result.get(top) ?? 0) + ms);
  }
  return [...result.entries()].sort((a, b) => b[1] - a[1]);
}
