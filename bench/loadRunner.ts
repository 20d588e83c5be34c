import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadJob, LoadResult } from './loadWorker';
import type { OptimisationRow } from './optimisations';
import { percentile } from './percentile';

/** One line of the HTTP table: a scenario's throughput and latency. */
export interface Row {
  scenario: string;
  requestsPerSecond: number;
  medianMs: number;
  p99Ms: number;
  errors: number;
  /** CPU time of the serving process per request, where the bench reads it (a process of its own). */
  cpuMsPerRequest?: number;
}

export function body(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

/** Runs one load in a worker thread, so the load generator does not share the graph's event loop. */
export async function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'loadWorker.js'), { workerData: job });
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

export function summarise(scenario: string, result: LoadResult): Row {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  if (result.firstError) console.error(`${scenario}: first error: ${result.firstError}`);
  return {
    scenario,
    requestsPerSecond: Math.round((result.requests / result.elapsedMs) * 1000),
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors: result.errors,
  };
}

/**
 * Runs two loads by turns, in `rounds` slices of the measured duration each, and pools each one's
 * slices: drift on a shared machine hits both alike. (Side by side at the same time would not do:
 * both would queue on the same cores, and each would be slowed by the other's cost.)
 */
export async function byTurns(a: LoadJob, b: LoadJob, rounds = 4): Promise<[LoadResult, LoadResult]> {
  const [first, second] = await allByTurns([a, b], rounds);
  return [first!, second!];
}

/** `byTurns` for any number of loads: each round runs every load's slice in turn. */
export async function allByTurns(jobs: readonly LoadJob[], rounds = 4): Promise<LoadResult[]> {
  const pooled: LoadResult[] = jobs.map(() => ({ requests: 0, sent: 0, errors: 0, latenciesMs: [], elapsedMs: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, job] of jobs.entries()) {
      const warmupMs = round === 0 ? job.warmupMs : Math.min(job.warmupMs, 500);
      const slice = await load({ ...job, warmupMs, durationMs: job.durationMs / rounds });
      const total = pooled[index]!;
      total.requests += slice.requests;
      total.sent += slice.sent;
      total.errors += slice.errors;
      total.latenciesMs.push(...slice.latenciesMs);
      total.elapsedMs += slice.elapsedMs;
      total.firstError ??= slice.firstError;
    }
  }
  return pooled;
}

/** One change measured without and with it, side by side. */
export function compare(
  change: string,
  [without, withIt]: [string, string],
  [withoutResult, withResult]: [LoadResult, LoadResult],
): OptimisationRow {
  const before = summarise(`${change}: ${without}`, withoutResult);
  const after = summarise(`${change}: ${withIt}`, withResult);
  return {
    change,
    without,
    with: withIt,
    withoutMs: before.medianMs,
    withMs: after.medianMs,
    speedup: Number((before.medianMs / after.medianMs).toFixed(1)),
    withoutPerSecond: before.requestsPerSecond,
    withPerSecond: after.requestsPerSecond,
  };
}
