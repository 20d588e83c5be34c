import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a data folder for this process with a `<folder>.lock` file beside it, so a second process
 * cannot open the same embedded database and corrupt it. A lock left by a process that died is
 * taken over. Returns the release function.
 */
export function lockFolder(folder: string): () => void {
  const lockFile = `${folder}.lock`;
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new Error(
        `${folder} is in use by process ${holder}: embedded PGlite allows one process per data folder (set DATABASE_URL to share a PostgreSQL server)`,
      );
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}
