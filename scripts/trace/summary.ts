import { fixed, printTable } from '../bench/table';
import {
  cpuSamples,
  inclusiveMs,
  selfMs,
  threadBusy,
  threadNames,
  timeByEventName,
  type ThreadSamples,
  type TraceEvent,
} from './traceEvents';

/** Timeline events worth naming on the page's main thread (devtools' own categories). */
const TIMELINE_EVENTS = new Set([
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MC_BACKGROUND_MARKING',
  'v8.compile',
  'ParseHTML',
]);

/**
 * Functions whose inclusive time is reported per analysed frame, on the page and in the pose
 * worker: the stages of a live frame as the code names them.
 */
const PAGE_FUNCTIONS = [
  'pump',
  'analyse',
  'grabWanted',
  'grabLiveFrame',
  'motionGrid',
  'estimate',
  'onResult',
  'measureFrame',
  'step',
  'transition',
  'stepCuePolicy',
  'sessionView',
  'frame',
  'update',
  'performWorkOnRootViaSchedulerTask',
  'performSyncWorkOnRoot',
  'draw',
  'drawSkeleton',
  'receive',
];
const WORKER_FUNCTIONS = [
  'handle',
  'estimateNow',
  'detect',
  'landmarks',
  'estimatePoses',
  'execute',
  'refineLandmarksFromHeatmap',
  'tensorsToLandmarks',
  'filter',
  'personMask',
  'sampleImage',
  'framePixels',
  'toAppPose',
  'cropInput',
  'apply',
  'postMessage',
];

function label(name: string | undefined, samples: ThreadSamples | undefined): string {
  const urls = [...(samples?.urls ?? [])];
  if (urls.some((u) => u.includes('poseWorker'))) return 'pose worker';
  if (name === 'CrRendererMain') return 'page main thread';
  return name ?? '?';
}

/** Left out at the start of a trace (see summariseTrace). */
const PROFILER_START_US = 1_000_000;

/**
 * Prints the trace's figures: each busy thread's time per second and per analysed frame, the
 * page's main thread by timeline event, and the functions the page and the pose worker spent
 * their time in.
 */
export function summariseTrace(events: readonly TraceEvent[], framesAnalysed: number): void {
  let fromUs = Infinity;
  let toUs = -Infinity;
  for (const e of events) {
    if (e.ph !== 'X' || e.ts <= 0) continue;
    fromUs = Math.min(fromUs, e.ts);
    toUs = Math.max(toUs, e.ts + (e.dur ?? 0));
  }
  // Starting the sampling profiler stalls the page's first task for ~0.5 s: not the app's.
  fromUs += PROFILER_START_US;
  const seconds = (toUs - fromUs) / 1e6;
  const names = threadNames(events);
  const busy = threadBusy(events, fromUs, toUs);
  const samples = new Map(cpuSamples(events, fromUs, toUs).map((s) => [s.thread, s]));
  const perFrame = (ms: number): string => fixed(ms / Math.max(1, framesAnalysed), 2);

  const rows = [...busy.entries()]
    .filter(([, b]) => b.busyMs / seconds >= 5)
    .sort((a, b) => b[1].busyMs - a[1].busyMs)
    .map(([id, b]) => {
      const longest = [...b.longTasks].sort((x, y) => y.wallMs - x.wallMs)[0];
      return [
        label(names.get(id), samples.get(id)),
        id,
        fixed(b.busyMs / seconds, 0),
        fixed(b.cpuMs / seconds, 0),
        perFrame(b.cpuMs),
        String(b.longTasks.length),
        String(b.longTasks.filter((t) => t.cpuMs > 50).length),
        longest === undefined ? '-' : `${fixed(longest.wallMs, 0)} (${fixed(longest.cpuMs, 0)})`,
      ];
    });
  console.log(`\nThreads busy at least 5 ms a second (${fixed(seconds, 1)} s traced):`);
  printTable(
    [
      'thread',
      'pid:tid',
      'busy ms/s',
      'CPU ms/s',
      'CPU ms per analysed frame',
      'tasks > 50 ms',
      'of them > 50 ms CPU',
      'longest ms (its CPU)',
    ],
    rows,
  );
  console.log(
    'A task whose CPU time is far below its length waited for a core (other processes, or the ' +
      "model's threads), rather than doing that much work.",
  );

  // The app's renderer is the busiest one (others: the service worker's, extensions').
  const mainId = [...names.entries()]
    .filter(([, n]) => n === 'CrRendererMain')
    .sort((a, b) => (busy.get(b[0])?.busyMs ?? 0) - (busy.get(a[0])?.busyMs ?? 0))[0]?.[0];
  const workerId = [...samples.values()].find((s) => label(undefined, s) === 'pose worker')?.thread;
  if (mainId !== undefined) {
    const byEvent = timeByEventName(events, fromUs, toUs, TIMELINE_EVENTS).get(mainId);
    console.log('\nPage main thread by timeline event (nested events overlap):');
    printTable(
      ['event', 'ms/s', 'ms per analysed frame'],
      [...(byEvent?.entries() ?? [])]
        .sort((a, b) => b[1] - a[1])
        .map(([name, ms]) => [name, fixed(ms / seconds, 1), perFrame(ms)]),
    );
  }
  for (const [title, id, functions] of [
    ['Page main thread', mainId, PAGE_FUNCTIONS],
    ['Pose worker', workerId, WORKER_FUNCTIONS],
  ] as const) {
    const threadSamples = id === undefined ? undefined : samples.get(id);
    if (threadSamples === undefined) continue;
    const total = threadSamples.samples.reduce((sum, s) => sum + s.ms, 0);
    console.log(`\n${title}: sampled JavaScript/wasm time ${fixed(total / seconds, 0)} ms/s`);
    printTable(
      ['function (inclusive)', 'ms/s', 'ms per analysed frame'],
      [...inclusiveMs(threadSamples, functions).entries()]
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => [name, fixed(ms / seconds, 1), perFrame(ms)]),
    );
    printTable(
      ['function (self, top 15)', 'ms/s', 'ms per analysed frame'],
      selfMs(threadSamples)
        .slice(0, 15)
        .map(([name, ms]) => [name, fixed(ms / seconds, 1), perFrame(ms)]),
    );
  }
}
