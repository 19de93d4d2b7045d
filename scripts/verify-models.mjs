#!/usr/bin/env node
// Recomputes the sha256 of every file in models/manifest.json and checks that models/README.md
// is the one generated from the manifest. Exits non-zero, naming the file, on any mismatch.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { renderModelsReadme } from './models-readme.mjs';

const modelsDir = new URL('../models/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(modelsDir + 'manifest.json', 'utf8'));
const problems = [];
for (const file of manifest.files) {
  const path = modelsDir + file.name;
  if (!existsSync(path)) {
    problems.push(`${file.name}: missing (run npm run models:fetch)`);
    continue;
  }
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  if (sha256 !== file.sha256)
    problems.push(`${file.name}: sha256 ${sha256}, expected ${file.sha256}`);
}
if (readFileSync(modelsDir + 'README.md', 'utf8') !== renderModelsReadme(manifest)) {
  problems.push(
    'README.md: differs from the one generated from manifest.json (run npm run models:fetch)',
  );
}
if (problems.length > 0) {
  console.error('models/ verification failed:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log(`models/: ${manifest.files.length} files match their sha256`);
