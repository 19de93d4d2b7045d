// pose-detection's 'mediapipe' runtime fetches its wasm and weights from a CDN; StretchCheck
// never uses it. Constructing it fails loudly instead of reaching the network.
export class Pose {
  constructor() {
    throw new Error('The MediaPipe runtime is not shipped with StretchCheck; use runtime "tfjs".');
  }
}
