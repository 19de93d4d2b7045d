import { fileURLToPath } from 'node:url';

/**
 * Where specs leave screenshots of the screens they drive, for a person to look at after a run
 * (inside Playwright's output folder, so each run starts clean and nothing leaves the repo).
 */
export function screensDir(topic: string): string {
  return fileURLToPath(new URL(`../../test-results/screens/${topic}`, import.meta.url));
}
