import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pruneBuild, sourceOf } from './pruneBuild';

describe('pruning an incremental build', () => {
  let root: string;
  const write = (file: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), '');
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prune-build-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('maps compiled files to their sources', () => {
    expect(sourceOf('dist/runtime/jobs/periodicJob.js')).toBe('runtime/jobs/periodicJob.ts');
    expect(sourceOf('dist/test/a.test.js.map')).toBe('test/a.test.ts');
    expect(sourceOf('dist/apps/ui/qrCode.test.js')).toBe('apps/ui/qrCode.test.ts');
    expect(sourceOf('dist/tsconfig.tsbuildinfo')).toBeUndefined();
    // Vite's bundles are not tsc's: no source of their own, never pruned.
    expect(sourceOf('dist/apps/console/assets/index-Ab12.js')).toBeUndefined();
  });

  it('removes the output of a deleted test, so Jest no longer runs it, and keeps the rest', () => {
    for (const file of ['runtime/kept.ts', 'apps/ui/kept.test.ts']) write(file);
    for (const file of [
      'dist/runtime/kept.js',
      'dist/runtime/kept.js.map',
      'dist/test/deleted.test.js',
      'dist/test/deleted.test.js.map',
      'dist/apps/ui/kept.test.js',
      'dist/apps/ui/gone.test.js',
      'dist/apps/console/assets/index-Ab12.js',
      'dist/tsconfig.tsbuildinfo',
    ])
      write(file);

    expect(pruneBuild(root).sort()).toEqual(
      ['dist/apps/ui/gone.test.js', 'dist/test/deleted.test.js', 'dist/test/deleted.test.js.map'].map((file) =>
        path.normalize(file),
      ),
    );
    for (const kept of [
      'dist/runtime/kept.js',
      'dist/runtime/kept.js.map',
      'dist/apps/ui/kept.test.js',
      'dist/apps/console/assets/index-Ab12.js',
      'dist/tsconfig.tsbuildinfo',
    ])
      expect(existsSync(path.join(root, kept))).toBe(true);
  });
});
