/**
 * `npm run studio -- <command>` (from the repository root; `npm run studio:setup` first).
 *
 *   render [--set set1] [--out DIR] [--only TEXT,TEXT] [--max-frames N] [--port P]
 *       Renders every clip of the set (or those whose id contains one of the TEXTs) into DIR (default
 *       studio/out/<set>, gitignored): per clip an MP4, a truth sidecar and a silhouettes file.
 *       Appends one line per clip to DIR/render-log.tsv (frames, seconds, seconds per frame).
 *   Preview: --at SECONDS,SECONDS,... renders only the frames at those times (a jumpy video and
 *       a sidecar of those frames), for looking at poses without rendering a whole clip.
 *   list [--set set1]
 *       Prints the set's clips: stretch, person, outfit, room, camera, frames.
 *   check [--set set1] [--out DIR]
 *       Checks the rendered clips in DIR (node/checkSet.ts): files whole, the definition check
 *       on every frame, and what the set covers. Exits 1 when a clip fails.
 *   retruth [--set set1] [--out DIR]
 *       Rewrites the sidecars' app-geometry fields from their stored keypoints and silhouettes
 *       (node/retruth.ts), without rendering: after the app's geometry changes a definition.
 */
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { buildClip } from './script/clip';
import { checkSet } from './node/checkSet';
import { retruthSet } from './node/retruth';
import { SETS } from './script/sets';
import { makehumanDataDir } from './node/makehumanData';
import { bundlePage, openPage } from './node/pageSession';
import { personMeshes } from './node/people';
import { renderClip } from './node/renderClip';
import { startServer } from './node/server';

interface Args {
  readonly command: 'render' | 'list' | 'check' | 'retruth';
  readonly set: string;
  readonly out: string;
  readonly only: readonly string[] | null;
  readonly maxFrames: number | null;
  readonly atSeconds: readonly number[] | null;
  readonly port: number;
}

const STUDIO_DIR = fileURLToPath(new URL('..', import.meta.url));

function parseArgs(argv: readonly string[]): Args {
  const [command, ...rest] = argv;
  if (command !== 'render' && command !== 'list' && command !== 'check' && command !== 'retruth') {
    throw new Error(
      'usage: npm run studio -- render|list|check|retruth [--set NAME] [--out DIR] [--only TEXT,TEXT] [--max-frames N] [--port P]',
    );
  }
  const value = (flag: string): string | null => {
    const i = rest.indexOf(flag);
    if (i < 0) return null;
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const set = value('--set') ?? 'set1';
  if (SETS[set] === undefined)
    throw new Error(`no set "${set}"; sets: ${Object.keys(SETS).join(', ')}`);
  const maxFrames = value('--max-frames');
  const port = value('--port');
  const at = value('--at');
  return {
    atSeconds: at === null ? null : at.split(',').map(Number),
    command,
    set,
    out: resolve(value('--out') ?? join(STUDIO_DIR, 'out', set)),
    only: value('--only')?.split(',') ?? null,
    maxFrames: maxFrames === null ? null : Number(maxFrames),
    port: port === null ? 4281 : Number(port),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.command === 'check') {
    if (!checkSet(args.out, (line) => console.log(line))) process.exitCode = 1;
    return;
  }
  if (args.command === 'retruth') {
    retruthSet(args.out, (line) => console.log(line));
    return;
  }
  const designs = (SETS[args.set]?.() ?? []).filter(
    (d) => args.only === null || args.only.some((text) => d.id.includes(text)),
  );
  const clips = designs.map(buildClip);
  if (args.command === 'list') {
    for (const c of clips) {
      const d = c.design;
      console.log(
        [
          d.id,
          d.person.id,
          d.outfit.id,
          d.room.id,
          d.camera.id,
          d.facing,
          `${c.frameCount} frames`,
          `${(c.durationMs / 1000).toFixed(0)} s`,
        ].join('\t'),
      );
    }
    console.log(`${clips.length} clips, ${clips.reduce((n, c) => n + c.frameCount, 0)} frames`);
    return;
  }
  const dataDir = makehumanDataDir();
  const server = await startServer(args.port, dataDir, await bundlePage());
  const page = await openPage(server.url);
  const people = personMeshes(dataDir);
  mkdirSync(args.out, { recursive: true });
  const logFile = join(args.out, 'render-log.tsv');
  if (!existsSync(logFile)) writeFileSync(logFile, 'clip\tframes\tseconds\tseconds_per_frame\n');
  console.error(`studio: rendering ${clips.length} clip(s) of ${args.set} into ${args.out}`);
  try {
    for (const clip of clips) {
      const rendered = await renderClip(clip, page, server, people, {
        outDir: args.out,
        maxFrames: args.maxFrames,
        onlyFrames: args.atSeconds?.map((s) => Math.round(s * clip.design.fps)) ?? null,
        log: (line) => console.error(line),
      });
      const perFrame = rendered.seconds / Math.max(1, rendered.frames);
      appendFileSync(
        logFile,
        `${rendered.id}\t${rendered.frames}\t${rendered.seconds.toFixed(1)}\t${perFrame.toFixed(3)}\n`,
      );
      console.error(
        `studio: ${rendered.id}: ${rendered.frames} frames in ${rendered.seconds.toFixed(0)} s (${perFrame.toFixed(3)} s/frame)`,
      );
    }
  } finally {
    await page.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
