import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';

/** The browser apps Vite bundles, each from apps/<name> into dist/apps/<name>, served under /<name>/. */
export const apps = ['console', 'wallet', 'pos'] as const;

/** Files outside apps/ that an app imports: the wallet resumes its subscription with the example clients' code. */
const sharedSources = ['examples/sdk/resumableSubscriptionCore.ts'];

const stampFile = '.source-hash';

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(file);
    else yield file;
  }
}

/** A hash of everything a build reads: the apps' sources, the shared UI, the shared sources and the lockfile. */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  const files = [
    ...sourceFiles(path.join(root, 'apps')),
    ...sharedSources.map((file) => path.join(root, file)),
    path.join(root, 'package-lock.json'),
  ];
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function appOutput(root: string, app: string): string {
  return path.join(root, 'dist/apps', app);
}

/**
 * Bundles each app with Vite unless its output was built from the same sources: `npm start` builds
 * once, and later starts reuse the bundle.
 */
export async function buildApps(root: string, options: { force?: boolean } = {}): Promise<string[]> {
  const hash = sourceHash(root);
  const built: string[] = [];
  // Vite is an ES module; this script is CommonJS, so it is loaded when a build is needed.
  const { build } = await import('vite');
  for (const app of apps) {
    const outDir = appOutput(root, app);
    const stamp = path.join(outDir, stampFile);
    if (!options.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) continue;
    await build({
      configFile: false,
      root: path.join(root, 'apps', app),
      base: `/${app}/`,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, sourcemap: true },
      oxc: { jsx: { runtime: 'automatic' } },
    });
    writeFileSync(stamp, hash);
    built.push(app);
  }
  return built;
}

if (require.main === module) {
  buildApps(projectRoot(), { force: process.argv.includes('--force') }).then(
    (built) => {
      if (built.length > 0) console.log(`built ${built.join(', ')} into dist/apps/`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
