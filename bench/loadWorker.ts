import { parentPort, workerData } from 'node:worker_threads';

/** One HTTP request the load generator sends; `{id}` in a body is replaced by a rotating id. */
export interface LoadStep {
  url: string;
  body: string;
  /** The Authorization header to send. */
  authorization: string;
}

export interface LoadJob {
  /** Steps of one logical request: groups run one after another, steps of a group in parallel. */
  groups: LoadStep[][];
  ids: string[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Replace `{n}` with a counter (unique order ids). */
  unique?: boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  latenciesMs: number[];
  elapsedMs: number;
  firstError?: string;
}

async function send(step: LoadStep, id: string, n: number): Promise<string | undefined> {
  const response = await fetch(step.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: step.authorization },
    body: step.body.replaceAll('{id}', id).replaceAll('{n}', String(n)),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) return text.slice(0, 300);
  return undefined;
}

/** Runs in a worker thread, so the load generator's event loop is not the servers'. */
async function run(job: LoadJob): Promise<LoadResult> {
  const result: LoadResult = { requests: 0, errors: 0, latenciesMs: [], elapsedMs: 0 };
  let counter = 0;
  const start = performance.now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  const loop = async () => {
    while (performance.now() < end) {
      const n = counter++;
      const id = job.ids[n % job.ids.length]!;
      const began = performance.now();
      let failure: string | undefined;
      try {
        for (const group of job.groups) {
          const failures = await Promise.all(group.map((step) => send(step, id, n)));
          failure ??= failures.find(Boolean);
        }
      } catch (error) {
        failure = (error as Error).message;
      }
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
