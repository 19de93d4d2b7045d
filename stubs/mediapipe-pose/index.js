// pose-detection's 'mediapipe' runtime constructs `Pose` from this module. The real package's
// pose.js (Closure-compiled) does not export its class: it defines a global `Pose`, and by default
// fetches its wasm and weights from a CDN. StretchCheck does not ship it. Where a page has loaded
// the real pose.js from its own origin (the runtime bench does: scripts/bench/mediapipe/), this
// hands construction to that global; anywhere else constructing fails loudly instead of reaching
// the network.
export class Pose {
  constructor(config) {
    const runtime = globalThis.Pose;
    if (typeof runtime !== 'function' || runtime === Pose) {
      throw new Error(
        'The MediaPipe runtime is not shipped with StretchCheck; use runtime "tfjs".',
      );
    }
    return new runtime(config);
  }
}
