import { randomBytes } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * One HTTP request the load generator sends; `{id}` in a body is replaced by a rotating id, and
 * `{id<k>}` (`{id0}`, `{id1}`, ...) by the k-th of `width` consecutive ids of that rotation, so a
 * batch of `width` items names `width` distinct members.
 */
export interface LoadStep {
  url: string;
  body: string;
  /** The Authorization header to send. */
  authorization: string;
  /** Text whose presence in an answer makes it a failure, besides `"errors"` (a batch's per-item errors). */
  failsOn?: string;
}

export interface LoadJob {
  /** Steps of one logical request: groups run one after another, steps of a group in parallel. */
  groups: LoadStep[][];
  ids: string[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Replace `{n}` with a counter unique to this load (order ids, idempotency keys, operation names). */
  unique?: boolean;
  /** How many ids one request's `{id<k>}` take (a batch's size); default 1. */
  width?: number;
}

export interface LoadResult {
  requests: number;
  /** Every request sent, warm-up included (what a server's CPU time is divided by). */
  sent: number;
  errors: number;
  latenciesMs: number[];
  elapsedMs: number;
  firstError?: string;
}

/**
 * Prefixes `{n}` in this load's bodies: a counter alone starts again at 0 in every load, so the
 * slices of `byTurns` after the first would resend the first one's keys (replays, not new writes).
 */
const loadTag = randomBytes(4).toString('hex');

async function send(step: LoadStep, job: LoadJob, n: number): Promise<string | undefined> {
  const { ids } = job;
  const width = job.width ?? 1;
  const response = await fetch(step.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: step.authorization },
    body: step.body
      .replaceAll('{id}', ids[n % ids.length]!)
      .replace(/\{id(\d+)\}/g, (_, k: string) => ids[(n * width + Number(k)) % ids.length]!)
      .replaceAll('{n}', `${loadTag}_${n}`),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"') || (step.failsOn && text.includes(step.failsOn))) {
    return text.slice(0, 300);
  }
  return undefined;
}

/** Runs in a worker thread, so the load generator's event loop is not the servers'. */
async function run(job: LoadJob): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, sent: 0, errors: 0, latenciesMs: [], elapsedMs: 0 };
  let counter = 0;
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  const loop = async () => {
    while (performance.now() < end) {
      const n = counter++;
      const began = performance.now();
      let failure: string | undefined;
      try {
        for (const group of job.groups) {
          const failures = await Promise.all(group.map((step) => send(step, job, n)));
          failure ??= failures.find(Boolean);
        }
      } catch (error) {
        failure = (error as Error).message;
      }
      result.sent++;
      if (began >= measureFrom) {
        result.requests++;
        result.latenciesMs.push(performance.now() - began);
        if (failure) {
          result.errors++;
          result.firstError ??= failure;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, loop));
  result.elapsedMs = performance.now() - measureFrom;
  return result;
}

if (parentPort) {
  run(workerData as LoadJob).then((result) => parentPort!.postMessage(result));
}
