import { readFile } from 'node:fs/promises';
import type { Queryable } from '../runtime/database/database';

/**
 * CPU seconds of the bench database's PostgreSQL backends while `work` runs (PostgreSQL runs on
 * this machine: /proc/<pid>/stat, utime + stime in ticks of 1/100 s), sampled every 500 ms so a
 * backend that starts or ends meanwhile counts up to its last sample. Call the answer to stop.
 */
export async function postgresCpuMeter(db: Queryable): Promise<() => Promise<number>> {
  const backends = new Map<number, { first: number; last: number }>();
  const sample = async (initial: boolean) => {
    const { rows } = await db.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database()',
    );
    for (const { pid } of rows) {
      try {
        const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
        const ticks = Number(fields[11]) + Number(fields[12]);
        const seen = backends.get(pid);
        if (seen) seen.last = ticks;
        else backends.set(pid, { first: initial ? ticks : 0, last: ticks });
      } catch {
        // ended meanwhile, or not on this machine
      }
    }
  };
  await sample(true);
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(() => sample(false)).catch(() => undefined);
  }, 500);
  return async () => {
    clearInterval(timer);
    await sampling;
    await sample(false);
    let ticks = 0;
    for (const { first, last } of backends.values()) ticks += last - first;
    return ticks / 100;
  };
}
