import type { SerializedError } from './messages';

/** Errors cross the worker boundary as plain data; keep the name and the file concerned. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const fileName = (error as { fileName?: unknown }).fileName;
    return {
      name: error.name,
      message: error.message,
      ...(typeof fileName === 'string' ? { fileName } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** The error a worker reported, rebuilt on the page with the same name and message. */
export class PoseWorkerError extends Error {
  readonly fileName: string | undefined;
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.fileName = serialized.fileName;
  }
}
