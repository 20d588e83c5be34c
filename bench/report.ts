import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../runtime/config/projectRoot';
import { latencyChart } from './chart';
import { markdownReport } from './markdown';
import type { BenchResults } from './scenarios/scenario';
import type { BenchSettings } from './settings';

/** Everything one run measured, with the machine and the settings: `results/latest.json`. */
export function benchReport(input: {
  settings: BenchSettings;
  databaseLabel: string;
  /** The member counts the scale scenario ran at (none when it did not run). */
  scaleLevels: number[];
  loading: { members: number; orders: number; seconds: number }[];
  results: BenchResults;
  ledgerConsistent: boolean;
}) {
  const { settings, results } = input;
  const { floor, viaGateway, floorOneClient, gatewayOneClient } = results;
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    database: input.databaseLabel,
    settings: {
      members: settings.members,
      ordersPerMember: settings.ordersPerMember,
      scaleLevels: input.scaleLevels,
      liveMembers: settings.liveMembers,
      durationMs: settings.durationMs,
      warmupMs: settings.warmupMs,
      concurrency: settings.concurrency,
      liveSubscribers: settings.liveSubscribers,
      liveSubscribersLarge: settings.liveSubscribersLarge,
      livePacedRate: settings.livePacedRate,
    },
    loading: input.loading,
    results: results.rows,
    scaling: results.scaling,
    liveUpdates: results.live,
    optimisations: results.optimisations,
    compression: results.compression,
    events: results.events,
    import: results.import,
    ledgerConsistent: input.ledgerConsistent,
    ...(floor &&
      viaGateway && {
        gatewayOverheadMedianMs: Number((viaGateway.medianMs - floor.medianMs).toFixed(2)),
        gatewayOverheadRatio: Number((viaGateway.medianMs / floor.medianMs).toFixed(2)),
      }),
    ...(floorOneClient &&
      gatewayOneClient && {
        gatewayOverheadOneClientMedianMs: Number((gatewayOneClient.medianMs - floorOneClient.medianMs).toFixed(2)),
      }),
  };
}

export type BenchReport = ReturnType<typeof benchReport>;

/** Writes `bench/results/latest.{json,md,svg}`. */
export function writeBenchReport(report: BenchReport): void {
  const { concurrency, ordersPerMember } = report.settings;
  const dir = path.join(projectRoot(), 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(dir, 'latest.md'), markdownReport(report));
  writeFileSync(
    path.join(dir, 'latest.svg'),
    latencyChart(`Loyalty Graph benchmark, ${report.date.slice(0, 10)}, ${report.database}`, [
      {
        heading: `HTTP, ${concurrency} concurrent clients unless noted`,
        rows: report.results.map((row) => ({
          ...row,
          label: row.scenario,
          note: `${row.requestsPerSecond} req/s`,
          perSecond: row.requestsPerSecond,
        })),
      },
      {
        heading: `Scaling with data: the customer query through the gateway, ${ordersPerMember} orders per member`,
        rows: report.scaling.map((row) => ({
          ...row,
          label: `${row.members.toLocaleString('en')} members`,
          note: `${row.requestsPerSecond} req/s`,
          perSecond: row.requestsPerSecond,
        })),
      },
      {
        heading: 'Live updates: from the commit to the subscriber',
        rows: report.liveUpdates.map((run) => ({
          label: `${run.subscribers.toLocaleString('en')} subscribers, ${run.load}, ${run.identities}`,
          note: `${run.deliveriesPerSecond} deliveries/s`,
          perSecond: run.deliveriesPerSecond,
          medianMs: run.afterCommitMedianMs,
          p99Ms: run.afterCommitP99Ms,
        })),
      },
    ]),
  );
}
