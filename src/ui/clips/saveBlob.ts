import type { ExportedBundle } from '../../engine/clips/clipLibrary';

/** Hands a file to the browser's download: nothing leaves the device but through the user. */
export function saveBlob({ fileName, blob }: ExportedBundle): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers start the download after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "0:12.3": clip times to a tenth of a second, for notes and frame steps. */
export function formatVideoTime(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  const minutes = Math.floor(tenths / 600);
  const seconds = Math.floor((tenths % 600) / 10);
  return `${minutes}:${String(seconds).padStart(2, '0')}.${tenths % 10}`;
}
