#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure and naming
// it. Browser tests need Debian's Chromium and ffmpeg; their absence is an error, never a skip.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium))
  missing.push(
    `Chromium (expected at ${chromium}; apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );
if (spawnSync('ffmpeg', ['-version']).status !== 0)
  missing.push('ffmpeg (apt-get install -y ffmpeg)');
if (missing.length > 0) {
  console.error(`npm test needs:\n  - ${missing.join('\n  - ')}\nSee .ci/run for the full set-up.`);
  process.exit(1);
}

const steps = [
  ['model checksums', 'node', ['scripts/verify-models.mjs']],
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit + integration tests (Node)', 'npx', ['vitest', 'run']],
  ['browser tests (Chromium)', 'npx', ['playwright', 'test']],
  // A minute of live session on the built app: any growth of the pose worker's tensor count
  // fails it, and so does a run that read no fresh count (scripts/soak.ts). About 75 s.
  [
    'soak check (no tensor growth)',
    'npx',
    ['tsx', 'scripts/soak.ts', '--minutes', '1', '--interval', '10', '--check'],
  ],
];

const started = Date.now();
for (const [name, command, args] of steps) {
  const stepStart = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(0);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds} s). Later steps were not run.`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
