import { strToU8, zipSync, type Zippable } from 'fflate';
import { buildSessionReport } from '../../session/reportSession';
import { exportSessionsJson } from '../../session/sessionExport';
import type { StoredClip } from '../clipTypes';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleEntryName,
  type BundleManifest,
} from './bundleSchema';
import { sha256Hex } from './sha256';

/**
 * A review bundle: one zip a person can send by any means (mail, chat, a USB stick) and open in
 * StretchCheck in another browser. It holds the video as it was recorded, the pose track, the
 * session (in the history's own export format, so it also imports there), a report built from it
 * for people without the app, the notes, and a manifest that lists each entry with its size and
 * SHA-256, so a damaged or altered bundle is told apart from a good one.
 */

const VIDEO_EXTENSIONS: Readonly<Record<string, BundleEntryName>> = {
  'video/webm': 'video.webm',
  'video/mp4': 'video.mp4',
  'video/quicktime': 'video.mov',
  'video/x-matroska': 'video.mkv',
  'video/ogg': 'video.ogv',
};

export function videoEntryName(mimeType: string): BundleEntryName {
  const base = mimeType.split(';')[0]?.trim().toLowerCase() ?? '';
  return VIDEO_EXTENSIONS[base] ?? 'video.bin';
}

const ABOUT =
  'A StretchCheck review bundle: open it in StretchCheck (Clips, "Open a review bundle"). ' +
  'The video is stored as it was recorded; the JSON files describe what was measured in it.';

export async function writeBundle(clip: StoredClip, createdAtEpochMs: number): Promise<Uint8Array> {
  const { meta } = clip;
  const { notes, ...clipWithoutNotes } = meta;
  const json = (value: unknown) => strToU8(JSON.stringify(value));
  const videoName = videoEntryName(meta.video.mimeType);
  const videoBytes = new Uint8Array(await clip.video.arrayBuffer());
  const parts: [BundleEntryName, Uint8Array][] = [
    [videoName, videoBytes],
    ['track.json', json(clip.track)],
    ['session.json', strToU8(exportSessionsJson([clip.session], createdAtEpochMs))],
    ['report.json', json(buildSessionReport(clip.session))],
    ['notes.json', json({ clipId: meta.id, notes })],
  ];
  const entries = await Promise.all(
    parts.map(async ([name, bytes]) => ({
      name,
      bytes: bytes.length,
      sha256: await sha256Hex(bytes),
    })),
  );
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAtEpochMs,
    about: ABOUT,
    clip: {
      ...clipWithoutNotes,
      stretchIds: [...meta.stretchIds],
      video: { ...meta.video, byteSize: videoBytes.length },
    },
    entries,
  };
  const mtime = new Date(createdAtEpochMs);
  const files: Zippable = { 'manifest.json': [json(manifest), { level: 6, mtime }] };
  for (const [name, bytes] of parts) {
    // The video is already compressed: stored as it is, it zips in no time and unzips by copy.
    files[name] = [bytes, { level: name === videoName ? 0 : 6, mtime }];
  }
  return zipSync(files);
}

/** `stretchcheck-review-<title>-<yyyy-mm-dd>.zip` */
export function bundleFileName(title: string, epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  const safe = title
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `stretchcheck-review-${safe || 'clip'}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.zip`;
}
