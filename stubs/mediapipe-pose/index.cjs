'use strict';
// See index.js: the MediaPipe runtime loads files from a CDN and is deliberately not shipped.
class Pose {
  constructor() {
    throw new Error('The MediaPipe runtime is not shipped with StretchCheck; use runtime "tfjs".');
  }
}
module.exports = { Pose };
