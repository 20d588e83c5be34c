import { load, summarise } from '../loadRunner';
import { customerQueryAt, type Bench, type BenchScenario } from './scenario';

/** The customer query through the gateway at `level` members, loading up to it first. */
async function measureAtScale(bench: Bench, level: number): Promise<void> {
  await bench.loadTo(level);
  const { concurrency, warmupMs, durationMs } = bench.settings;
  // Half the measured time of the other scenarios: three levels, and only the trend matters.
  const result = await load({
    ids: bench.spreadIds(level),
    concurrency,
    warmupMs,
    durationMs: durationMs / 2,
    groups: customerQueryAt(bench, bench.stack.gateway.url),
  });
  bench.results.scaling.push({
    ...summarise(`customer query through the gateway, ${level.toLocaleString('en')} members`, result),
    members: level,
  });
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
