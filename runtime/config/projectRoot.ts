import { existsSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The folder holding the project's package.json. Compiled code runs from `dist/`, while data files
 * such as SQL migrations stay in the source tree, so they are found from here.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  cached = dir;
  return dir;
}
