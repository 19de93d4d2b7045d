import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate';
import type { z } from 'zod';
import { parseSessionFile } from '../../session/sessionImport';
import type { ClipNote } from '../annotations';
import type { StoredClip } from '../clipTypes';
import type { PoseTrack } from '../poseTrack';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  JSON_ENTRY_NAMES,
  MAX_BUNDLE_BYTES,
  MAX_JSON_ENTRY_BYTES,
  MAX_VIDEO_BYTES,
  VIDEO_ENTRY_NAMES,
  manifestSchema,
  notesFileSchema,
  poseTrackSchema,
  type BundleManifest,
} from './bundleSchema';
import { sha256Hex } from './sha256';

/**
 * Reads a review bundle back, trusting nothing: the file's size first, then the zip's directory
 * (only the known entry names, no paths, sizes within limits, each entry once), then the
 * manifest (zod), then every entry against the manifest's size and SHA-256, then each entry's
 * content (zod; the session through the history's own import checks). Only a bundle that passes
 * all of it comes out as a clip; nothing is stored here.
 */

export type BundleProblemKind =
  'too-large' | 'not-a-bundle' | 'damaged' | 'unsafe-entry' | 'unsupported-version' | 'invalid';

export interface BundleProblem {
  readonly kind: BundleProblemKind;
  /** One sentence for the user. */
  readonly message: string;
  /** What exactly, for the curious. */
  readonly details: readonly string[];
}

export type BundleReadResult =
  | { readonly ok: true; readonly clip: StoredClip }
  | { readonly ok: false; readonly problem: BundleProblem };

class Refusal extends Error {
  constructor(readonly problem: BundleProblem) {
    super(problem.message);
  }
}

function refuse(kind: BundleProblemKind, message: string, details: string[] = []): never {
  throw new Refusal({ kind, message, details });
}

const KNOWN_NAMES: ReadonlySet<string> = new Set([...VIDEO_ENTRY_NAMES, ...JSON_ENTRY_NAMES]);
const VIDEO_NAMES: ReadonlySet<string> = new Set(VIDEO_ENTRY_NAMES);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MB = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

/** The zip's directory entry, checked before anything is inflated. */
function checkEntry(file: UnzipFileInfo, seen: Set<string>): true {
  const name = file.name;
  if (!KNOWN_NAMES.has(name)) {
    const unsafe = /[\\/]|\.\./.test(name) || name.startsWith('.') || name.includes(':');
    refuse(
      'unsafe-entry',
      unsafe
        ? 'This bundle was refused: it contains a file with a path in its name, which a StretchCheck bundle never has.'
        : 'This bundle was refused: it contains a file a StretchCheck bundle never has.',
      [`entry "${name.slice(0, 200)}"`],
    );
  }
  if (seen.has(name))
    refuse('unsafe-entry', 'This bundle was refused: a file in it appears twice.', [name]);
  seen.add(name);
  if (VIDEO_NAMES.has(name) && [...seen].filter((n) => VIDEO_NAMES.has(n)).length > 1)
    refuse('unsafe-entry', 'This bundle was refused: it has more than one video.', [name]);
  const limit = VIDEO_NAMES.has(name) ? MAX_VIDEO_BYTES : MAX_JSON_ENTRY_BYTES;
  if (file.originalSize > limit || file.size > limit)
    refuse('too-large', `This bundle was refused: its ${name} is larger than ${MB(limit)}.`, [
      `${name}: ${file.originalSize} bytes`,
    ]);
  if (file.compression !== 0 && file.compression !== 8)
    refuse('invalid', 'This bundle uses a kind of compression StretchCheck does not read.', [
      `${name}: method ${file.compression}`,
    ]);
  if (file.compression === 0 && file.size !== file.originalSize)
    refuse('damaged', 'This bundle is damaged: a file’s sizes do not agree.', [name]);
  return true;
}

function unzipEntries(bytes: Uint8Array): Record<string, Uint8Array> {
  const seen = new Set<string>();
  try {
    return unzipSync(bytes, { filter: (file) => checkEntry(file, seen) });
  } catch (error) {
    if (error instanceof Refusal) throw error;
    return refuse(
      'not-a-bundle',
      'This file is not a StretchCheck review bundle, or it is cut short: it is not a complete zip file.',
      [error instanceof Error ? error.message : String(error)],
    );
  }
}

/** JSON.parse that refuses prototype-changing keys outright. */
function parseJson(bytes: Uint8Array, name: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes), (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key))
        refuse('invalid', `This bundle was refused: its ${name} contains the key "${key}".`);
      return value;
    });
  } catch (error) {
    if (error instanceof Refusal) throw error;
    return refuse('invalid', `This bundle was refused: its ${name} is not valid JSON.`, [
      error instanceof Error ? error.message : String(error),
    ]);
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[], name: string): string[] {
  const listed = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${name}${path === '' ? '' : ` ${path}`}: ${issue.message}`;
  });
  if (issues.length > 5) listed.push(`... and ${issues.length - 5} more`);
  return listed;
}

function checked<T>(schema: z.ZodType<T>, data: unknown, name: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    refuse(
      'invalid',
      `This bundle was refused: its ${name} is not what a StretchCheck bundle holds.`,
      describeIssues(parsed.error.issues, name),
    );
  return parsed.data;
}

function readManifest(files: Record<string, Uint8Array>): BundleManifest {
  const bytes = files['manifest.json'];
  if (bytes === undefined)
    refuse(
      'not-a-bundle',
      'This zip file is not a StretchCheck review bundle: it has no manifest.',
    );
  const data = parseJson(bytes, 'manifest');
  const header = (typeof data === 'object' && data !== null ? data : {}) as {
    format?: unknown;
    formatVersion?: unknown;
  };
  if (header.format !== BUNDLE_FORMAT)
    refuse('not-a-bundle', 'This zip file is not a StretchCheck review bundle.');
  if (header.formatVersion !== BUNDLE_FORMAT_VERSION)
    refuse(
      'unsupported-version',
      typeof header.formatVersion === 'number' && header.formatVersion > BUNDLE_FORMAT_VERSION
        ? `This bundle comes from a newer StretchCheck (format ${header.formatVersion}); this version reads format ${BUNDLE_FORMAT_VERSION}.`
        : `This bundle's format version is not one this version reads (${BUNDLE_FORMAT_VERSION}).`,
    );
  return checked(manifestSchema, data, 'manifest');
}

async function checkAgainstManifest(
  manifest: BundleManifest,
  files: Record<string, Uint8Array>,
): Promise<void> {
  const listed = new Set<string>(manifest.entries.map((e) => e.name));
  for (const name of Object.keys(files)) {
    if (name !== 'manifest.json' && !listed.has(name))
      refuse('invalid', 'This bundle was refused: it holds a file its manifest does not list.', [
        name,
      ]);
  }
  for (const entry of manifest.entries) {
    const bytes = files[entry.name];
    if (bytes === undefined)
      refuse('damaged', `This bundle is incomplete: its ${entry.name} is missing.`, [entry.name]);
    if (bytes.length !== entry.bytes || (await sha256Hex(bytes)) !== entry.sha256)
      refuse(
        'damaged',
        `This bundle is damaged: its ${entry.name} is not the file that was bundled (it was cut short or changed).`,
        [`${entry.name}: ${bytes.length} bytes, expected ${entry.bytes}`],
      );
  }
}

async function readClip(bytes: Uint8Array): Promise<StoredClip> {
  if (bytes.length > MAX_BUNDLE_BYTES)
    refuse(
      'too-large',
      `This file is too large to open (${MB(bytes.length)}; the limit is ${MB(MAX_BUNDLE_BYTES)}).`,
    );
  const files = unzipEntries(bytes);
  const manifest = readManifest(files);
  await checkAgainstManifest(manifest, files);
  const { clip } = manifest;

  const videoEntry = manifest.entries.find((e) => VIDEO_NAMES.has(e.name));
  const videoBytes = videoEntry === undefined ? undefined : files[videoEntry.name];
  const trackBytes = files['track.json'];
  const sessionBytes = files['session.json'];
  const notesBytes = files['notes.json'];
  if (videoBytes === undefined || trackBytes === undefined || sessionBytes === undefined)
    refuse('invalid', 'This bundle is incomplete: it needs a video, a pose track and a session.');

  const track: PoseTrack = checked(
    poseTrackSchema,
    parseJson(trackBytes, 'pose track'),
    'pose track',
  );
  if (track.model !== clip.model)
    refuse(
      'invalid',
      'This bundle was refused: its pose track is from another model than its clip.',
    );

  const session = parseSessionFile(strFromU8(sessionBytes));
  if (!session.ok)
    refuse(
      'invalid',
      `This bundle was refused: its session is not valid. ${session.problem.message}`,
      [...session.problem.details],
    );
  const [record, ...others] = session.sessions;
  if (record === undefined || others.length > 0 || record.meta.id !== clip.sessionId)
    refuse('invalid', 'This bundle was refused: its session is not the clip’s session.');

  let notes: readonly ClipNote[] = [];
  if (notesBytes !== undefined) {
    const notesFile = checked(notesFileSchema, parseJson(notesBytes, 'notes'), 'notes');
    if (notesFile.clipId !== clip.id)
      refuse('invalid', 'This bundle was refused: its notes belong to another clip.');
    notes = notesFile.notes;
  }
  if (videoBytes.length !== clip.video.byteSize)
    refuse('damaged', 'This bundle is damaged: its video is not the size the manifest gives.');

  const video = new Blob([videoBytes as Uint8Array<ArrayBuffer>], { type: clip.video.mimeType });
  return { meta: { ...clip, notes }, video, track, session: record };
}

export async function readBundle(bytes: Uint8Array): Promise<BundleReadResult> {
  try {
    return { ok: true, clip: await readClip(bytes) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** Refuses a bundle by its size before it is read (for `File.size`). */
export function checkBundleSize(bytes: number): BundleProblem | null {
  return bytes > MAX_BUNDLE_BYTES
    ? {
        kind: 'too-large',
        message: `This file is too large to open (${MB(bytes)}; the limit is ${MB(MAX_BUNDLE_BYTES)}).`,
        details: [],
      }
    : null;
}
