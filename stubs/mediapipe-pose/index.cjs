'use strict';
// See index.js: hands construction to the real runtime's global where a page loaded it from its
// own origin; otherwise fails loudly instead of reaching the network.
class Pose {
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
module.exports = { Pose };
