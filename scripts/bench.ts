/**
 * `npm run bench [-- NAME...]`: runs every section in scripts/bench/ (or the named ones) and
 * prints its figures. Sections compare ratios measured in the same run, since the machine is
 * shared and absolute times drift.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchSection {
  readonly title: string;
  run(): Promise<void>;
}

const dir = fileURLToPath(new URL('./bench/', import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error(`No bench section matches ${wanted.join(', ')}.`);
  process.exit(1);
}
for (const file of files) {
  const section = (await import(pathToFileURL(dir + file).href)) as BenchSection;
  console.log(`\n== ${section.title} (${file}) ==`);
  await section.run();
}
