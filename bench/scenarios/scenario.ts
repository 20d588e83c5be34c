import type { ScaleRow } from './scale';
import type { RunningStack } from '../../stack/startStack';
import type { BenchDatabase } from '../benchDatabase';
import type { LiveUpdatesResult } from '../liveUpdates';
import type { EventsScenarioResult } from './events';
import type { ImportScenarioResult } from './import';
import { body, type Row } from '../loadRunner';
import type { LoadJob, LoadStep } from '../loadWorker';
import type { OptimisationRow } from '../optimisations';
import type { BenchSettings } from '../settings';

/** The figures the scenarios add to, for the tables, the JSON report and the chart. */
export interface BenchResults {
  /** The HTTP table: one row per load measured. */
  rows: Row[];
  scaling: ScaleRow[];
  live: LiveUpdatesResult[];
  optimisations: OptimisationRow[];
  /** The events scenario's rates and ratios (when it ran). */
  events?: EventsScenarioResult;
  /** The import scenario's figures (when it ran). */
  import?: ImportScenarioResult;
  /** The content-encoding the gateway answers a client that accepts gzip with. */
  compression?: string;
  /** The customer query against the subgraphs directly and through the gateway, for the overhead figures. */
  floor?: Row;
  viaGateway?: Row;
  floorOneClient?: Row;
  gatewayOneClient?: Row;
}

/** What every scenario runs against: the running graph with its data, and where to put its figures. */
export interface Bench {
  settings: BenchSettings;
  database: BenchDatabase;
  stack: RunningStack;
  /** An admin's token, which every benchmark request carries. */
  authorization: string;
  /** Loads members up to `target` (nothing when that many are there already). */
  loadTo(target: number): Promise<void>;
  /** Member ids spread over the first `members`, for load to rotate through. */
  spreadIds(members: number): string[];
  /** Ids spread over every member, once `settings.members` are loaded (empty before). */
  ids: string[];
  /** Each subgraph's URL, for loads that bypass the gateway or gateways of other processes. */
  subgraphUrls: Record<string, string>;
  results: BenchResults;
}

/**
 * One benchmark scenario, selected by `name` in BENCH_SCENARIOS. The runner calls, for every
 * selected scenario in turn, `whileLoading` (before every member is loaded), then `run`, then
 * `afterOthers` (once every other has run: it may load more members than they use).
 */
export interface BenchScenario {
  name: string;
  whileLoading?(bench: Bench): Promise<void>;
  run?(bench: Bench): Promise<void>;
  afterOthers?(bench: Bench): Promise<void>;
}

/** The customer query every HTTP scenario measures: what a member's app home screen asks. */
export const gatewayQuery = `query($id: ID!) { customer(id: $id) { name loyalty { balance history(first: 5) { edges { node { points reason } } } }
  rewards { available(first: 3) { name costPoints } } offers { title } } }`;

/** The customer query, sent to the gateway at `url` for a rotating member. */
export function customerQueryAt(bench: Pick<Bench, 'authorization'>, url: string): LoadStep[][] {
  return [[{ url, authorization: bench.authorization, body: body(gatewayQuery, { id: '{id}' }) }]];
}

/** The load settings every full-length scenario shares. */
export function commonLoad(bench: Bench): Omit<LoadJob, 'groups'> {
  const { concurrency, warmupMs, durationMs } = bench.settings;
  return { ids: bench.ids, concurrency, warmupMs, durationMs };
}

/** One `recordPurchase` of a book for `customerId` (`{id}`: a rotating member), order ids `<orderPrefix>-{n}`. */
export function recordPurchaseBody(customerId: string, orderPrefix: string): string {
  return body(`mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { pointsEarned } }`, {
    input: {
      customerId,
      channel: 'ONLINE',
      externalOrderId: `${orderPrefix}-{n}`,
      currency: 'EUR',
      lines: [{ sku: 'A', category: 'books', quantity: 1, unitPrice: 2500 }],
    },
  });
}
