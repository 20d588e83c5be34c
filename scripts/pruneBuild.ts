import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';

/** Where tsc puts each project's output: `examples/web` builds into `dist/web`, the rest into `dist`. */
const outputRoots: ReadonlyArray<{ output: string; sources: string }> = [
  { output: 'dist/web', sources: 'examples/web' },
  { output: 'dist', sources: '.' },
];

/**
 * The source file a compiled file in dist/ came from (`dist/a/b.js` and `dist/a/b.js.map` from
 * `a/b.ts`), relative to the project root; undefined for what tsc did not emit from a source.
 */
export function sourceOf(outputFile: string): string | undefined {
  const posix = outputFile.split(path.sep).join('/');
  const match = /^(.*)\.js(\.map)?$/.exec(posix);
  // Vite's bundles of apps/ (scripts/buildApps.ts) have no source file each.
  if (!match || posix.startsWith('dist/apps/')) return undefined;
  const root = outputRoots.find(({ output }) => match[1]!.startsWith(`${output}/`))!;
  return path.posix.normalize(`${root.sources}/${match[1]!.slice(root.output.length + 1)}.ts`);
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
