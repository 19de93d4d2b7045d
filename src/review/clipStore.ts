import Dexie, { type Table } from 'dexie';
import type { SessionRecord } from '../session/sessionRecord';
import { isQuotaError } from '../session/storageErrors';
import type { ClipNote } from './annotations';
import type { ClipMeta, StoredClip } from './clipTypes';
import type { PoseTrack } from './poseTrack';

/**
 * Where clips are kept: their own IndexedDB database, apart from the sessions', so clips never
 * need the sessions database migrated and a full clip store cannot stop a session being saved.
 * The video is stored as a Blob (Chromium keeps large Blobs as files beside the database).
 */

export interface ClipStore {
  /** Adds a whole clip in one transaction; rejects with `ClipExistsError` for a taken id. */
  addClip(clip: StoredClip): Promise<void>;
  /** Every clip's meta, newest first. */
  listClips(): Promise<ClipMeta[]>;
  getMeta(id: string): Promise<ClipMeta | null>;
  getClip(id: string): Promise<StoredClip | null>;
  /** Replaces the clip's notes. */
  saveNotes(id: string, notes: readonly ClipNote[]): Promise<void>;
  /** Renames a clip and sets who it shows (null: no client). */
  saveDetails(id: string, details: ClipDetails): Promise<void>;
  /** Removes the clip, its video, track and record. Resolves false when there was none. */
  deleteClip(id: string): Promise<boolean>;
  close(): void;
}

export const CLIP_DATABASE_NAME = 'stretchcheck-clips';

/** Storage refused the clip: the site's quota (or the disk) is full. */
export class ClipStorageFullError extends Error {
  readonly kind = 'clip-storage-full';
  constructor() {
    super(
      'There is no room left on this device to keep the clip. Delete old clips (or save this one as a file) and try again.',
    );
    this.name = 'ClipStorageFullError';
  }
}

export class ClipExistsError extends Error {
  readonly kind = 'clip-exists';
  constructor(readonly clipId: string) {
    super(`A clip with id "${clipId}" is already kept on this device.`);
    this.name = 'ClipExistsError';
  }
}

export class ClipNotFoundError extends Error {
  readonly kind = 'clip-not-found';
  constructor(readonly clipId: string) {
    super(`There is no clip with id "${clipId}" on this device.`);
    this.name = 'ClipNotFoundError';
  }
}

interface MetaRow {
  readonly id: string;
  readonly createdAtEpochMs: number;
  readonly meta: ClipMeta;
}

interface BlobRow<T> {
  readonly clipId: string;
  readonly value: T;
}

/** Where Dexie finds IndexedDB; tests pass fake-indexeddb's. */
export interface ClipDbDependencies {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

class ClipDatabase extends Dexie {
  declare metas: Table<MetaRow, string>;
  declare videos: Table<BlobRow<Blob>, string>;
  declare tracks: Table<BlobRow<PoseTrack>, string>;
  declare sessions: Table<BlobRow<SessionRecord>, string>;

  constructor(name: string, dependencies?: ClipDbDependencies) {
    super(name, dependencies === undefined ? undefined : { ...dependencies });
    // The list reads only `metas`; the large parts are read when one clip is opened.
    this.version(1).stores({
      metas: 'id, createdAtEpochMs',
      videos: 'clipId',
      tracks: 'clipId',
      sessions: 'clipId',
    });
  }
}

export class DexieClipStore implements ClipStore {
  private readonly db: ClipDatabase;

  constructor(name: string = CLIP_DATABASE_NAME, dependencies?: ClipDbDependencies) {
    this.db = new ClipDatabase(name, dependencies);
  }

  async addClip(clip: StoredClip): Promise<void> {
    const id = clip.meta.id;
    const { metas, videos, tracks, sessions } = this.db;
    await write(() =>
      this.db.transaction('rw', [metas, videos, tracks, sessions], async () => {
        if ((await metas.get(id)) !== undefined) throw new ClipExistsError(id);
        await metas.add({ id, createdAtEpochMs: clip.meta.createdAtEpochMs, meta: clip.meta });
        await videos.add({ clipId: id, value: clip.video });
        await tracks.add({ clipId: id, value: clip.track });
        await sessions.add({ clipId: id, value: clip.session });
      }),
    );
  }

  async listClips(): Promise<ClipMeta[]> {
    const rows = await this.db.metas.orderBy('createdAtEpochMs').reverse().toArray();
    return rows.map((r) => r.meta);
  }

  async getMeta(id: string): Promise<ClipMeta | null> {
    return (await this.db.metas.get(id))?.meta ?? null;
  }

  async getClip(id: string): Promise<StoredClip | null> {
    const { metas, videos, tracks, sessions } = this.db;
    return this.db.transaction('r', [metas, videos, tracks, sessions], async () => {
      const [meta, video, track, session] = await Promise.all([
        metas.get(id),
        videos.get(id),
        tracks.get(id),
        sessions.get(id),
      ]);
      if (meta === undefined || video === undefined || track === undefined || session === undefined)
        return null;
      return { meta: meta.meta, video: video.value, track: track.value, session: session.value };
    });
  }

  async saveNotes(id: string, notes: readonly ClipNote[]): Promise<void> {
    const metas = this.db.metas;
    await write(() =>
      this.db.transaction('rw', metas, async () => {
        const row = await metas.get(id);
        if (row === undefined) throw new ClipNotFoundError(id);
        await metas.put({ ...row, meta: { ...row.meta, notes: [...notes] } });
      }),
    );
  }

  async saveDetails(id: string, details: ClipDetails): Promise<void> {
    const metas = this.db.metas;
    await write(() =>
      this.db.transaction('rw', metas, async () => {
        const row = await metas.get(id);
        if (row === undefined) throw new ClipNotFoundError(id);
        await metas.put({ ...row, meta: withDetails(row.meta, details) });
      }),
    );
  }

  async deleteClip(id: string): Promise<boolean> {
    const { metas, videos, tracks, sessions } = this.db;
    return this.db.transaction('rw', [metas, videos, tracks, sessions], async () => {
      const existed = (await metas.get(id)) !== undefined;
      await Promise.all([
        metas.delete(id),
        videos.delete(id),
        tracks.delete(id),
        sessions.delete(id),
      ]);
      return existed;
    });
  }

  close(): void {
    this.db.close();
  }

  /** Deletes the whole database (tests). */
  async deleteDatabase(): Promise<void> {
    await this.db.delete();
  }
}

async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isQuotaError(error)) throw new ClipStorageFullError();
    throw error;
  }
}

/** What a person may change of a clip after it is kept. */
export interface ClipDetails {
  readonly title: string;
  readonly client: string | null;
}

/** The meta with new details; no client is no `client` key (as clips from before clients). */
function withDetails(meta: ClipMeta, details: ClipDetails): ClipMeta {
  const next: { -readonly [K in keyof ClipMeta]: ClipMeta[K] } = { ...meta, title: details.title };
  if (details.client === null) delete next.client;
  else next.client = details.client;
  return next;
}

/** Bytes the clips take, from their metas (videos dominate; tracks and records add ~1%). */
export function clipsBytes(metas: readonly ClipMeta[]): number {
  return metas.reduce((sum, meta) => sum + meta.video.byteSize, 0);
}
