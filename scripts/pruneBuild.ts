import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';
import { apps } from './buildApps';

/**
 * The source file a compiled file in dist/ came from (`dist/a/b.js` and `dist/a/b.js.map` from
 * `a/b.ts`), relative to the project root; undefined for what tsc did not emit from a source.
 */
export function sourceOf(outputFile: string): string | undefined {
  const posix = outputFile.split(path.sep).join('/');
  const match = /^(.*)\.js(\.map)?$/.exec(posix);
  // Vite's bundles of the apps (scripts/buildApps.ts) have no source file each; tsc's output of
  // apps/ui (its Node unit tests) does.
  if (!match || apps.some((app) => posix.startsWith(`dist/apps/${app}/`))) return undefined;
  return path.posix.normalize(`${match[1]!.slice('dist/'.length)}.ts`);
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else yield file;
  }
}

/**
 * Removes compiled files whose source is gone. An incremental build (`tsc -b`) leaves the output of
 * a deleted or renamed file behind, and Jest would still run a deleted test from dist/.
 */
export function pruneBuild(root: string): string[] {
  const dist = path.join(root, 'dist');
  if (!existsSync(dist)) return [];
  const removed: string[] = [];
  for (const file of filesUnder(dist)) {
    const relative = path.relative(root, file);
    const source = sourceOf(relative);
    if (source !== undefined && !existsSync(path.join(root, source))) {
      rmSync(file);
      removed.push(relative);
    }
  }
  return removed;
}

if (require.main === module) {
  const removed = pruneBuild(projectRoot());
  if (removed.length > 0) console.log(`removed ${removed.length} compiled file(s) whose source is gone`);
}
