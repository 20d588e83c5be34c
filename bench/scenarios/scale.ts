import { databaseBlockReads } from '../bufferHits.store';
import { load, summarise, type Row } from '../loadRunner';
import { postgresCpuMeter, threadCpuMs } from '../processCpu';
import { customerQueryAt, type Bench, type BenchScenario } from './scenario';

/** A scale level's row: the load's figures, with where its CPU went and how often PostgreSQL found its pages cached. */
export type ScaleRow = Row & {
  members: number;
  /** CPU of the graph's main thread per query (the gateway and every subgraph run in it here). */
  graphCpuMsPerQuery: number;
  /** CPU of the database's PostgreSQL backends per query. */
  postgresCpuMsPerQuery: number;
  /** Share of the block reads during the load that shared buffers answered. */
  sharedBufferHitRatio: number;
};

/** The customer query through the gateway on `members` loaded members, for the ids given (picked at random over them). */
export async function measureCustomerQuery(
  bench: Pick<Bench, 'settings' | 'stack' | 'authorization' | 'database'>,
  members: number,
  ids: string[],
): Promise<ScaleRow> {
  const { concurrency, warmupMs, durationMs } = bench.settings;
  const { db } = bench.database;
  const onServer = db.kind === 'postgres';
  const blocksBefore = onServer ? await databaseBlockReads(db) : { hit: 0, read: 0 };
  const postgresCpu = onServer ? await postgresCpuMeter(db) : undefined;
  const graphCpuBefore = threadCpuMs();
  // Half the measured time of the other scenarios: several levels, and only the trend matters.
  const result = await load({
    ids,
    concurrency,
    warmupMs,
    durationMs: durationMs / 2,
    groups: customerQueryAt(bench, bench.stack.gateway.url),
  });
  const graphCpuMs = threadCpuMs() - graphCpuBefore;
  const postgresCpuMs = postgresCpu ? (await postgresCpu()) * 1000 : 0;
  const blocksAfter = onServer ? await databaseBlockReads(db) : { hit: 0, read: 0 };
  const hit = blocksAfter.hit - blocksBefore.hit;
  const read = blocksAfter.read - blocksBefore.read;
  const perQuery = (ms: number) => Math.round((ms / Math.max(1, result.sent)) * 100) / 100;
  return {
    ...summarise(`customer query through the gateway, ${members.toLocaleString('en')} members`, result),
    members,
    graphCpuMsPerQuery: perQuery(graphCpuMs),
    postgresCpuMsPerQuery: perQuery(postgresCpuMs),
    sharedBufferHitRatio: hit + read === 0 ? 1 : Math.round((hit / (hit + read)) * 10_000) / 10_000,
  };
}

/** The customer query at `level` members, loading up to it first. */
async function measureAtScale(bench: Bench, level: number): Promise<void> {
  await bench.loadTo(level);
  bench.results.scaling.push(await measureCustomerQuery(bench, level, bench.spreadIds(level)));
}

/**
 * The customer query as the data grows (flat is the goal): the levels up to the benchmark's
 * member count on the way to loading it, the larger ones after every other scenario.
 */
export const scaleScenario: BenchScenario = {
  name: 'scale',
  async whileLoading(bench) {
    for (const level of bench.settings.scaleLevels.filter((level) => level <= bench.settings.members))
      await measureAtScale(bench, level);
  },
  async afterOthers(bench) {
    for (const level of bench.settings.scaleLevels.filter((level) => level > bench.settings.members))
      await measureAtScale(bench, level);
  },
};
