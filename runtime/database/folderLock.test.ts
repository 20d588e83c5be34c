import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lockFolder } from './folderLock';

describe('data folder lock', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'folder-lock-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lets one opener at a time hold a folder', () => {
    const folder = path.join(root, 'db');
    const release = lockFolder(folder);
    expect(() => lockFolder(folder)).toThrow(/in use by process/);
    release();
    lockFolder(folder)();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const folder = path.join(root, 'db');
    // Process ids are at most 2^22 on Linux; this one cannot be running.
    writeFileSync(`${folder}.lock`, String(2 ** 22 + 1));
    expect(() => lockFolder(folder)()).not.toThrow();
  });
});
