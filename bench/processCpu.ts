import { readFileSync } from 'node:fs';
import type { Queryable } from '../runtime/database/database';

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time of one thread of this process (its main thread by default), in ms: the graph's JavaScript
 * when the load generator runs in a worker thread of the same process.
 */
export function threadCpuMs(tid = process.pid): number {
  const stat = readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU seconds of the bench database's PostgreSQL backends from now until the answer is called
 * (PostgreSQL runs on this machine: `processCpuMs` of each), sampled every 500 ms so a backend that
 * starts or ends meanwhile counts up to its last sample.
 */
export async function postgresCpuMeter(db: Queryable): Promise<() => Promise<number>> {
  const backends = new Map<number, { first: number; last: number }>();
  const sample = async (initial: boolean) => {
    const { rows } = await db.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database()',
    );
    for (const { pid } of rows) {
      try {
        const ms = processCpuMs(pid);
        const seen = backends.get(pid);
        if (seen) seen.last = ms;
        else backends.set(pid, { first: initial ? ms : 0, last: ms });
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
    let ms = 0;
    for (const { first, last } of backends.values()) ms += last - first;
    return ms / 1000;
  };
}
