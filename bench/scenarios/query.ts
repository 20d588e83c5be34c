import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { createLogger } from '../../runtime/logging/logger';
import { readSupergraphSdl } from '../../gateway/composition/generateSchemaFiles';
import { startGateway } from '../../gateway';
import { benchRateLimits } from '../settings';
import { allByTurns, body, byTurns, compare, summarise } from '../loadRunner';
import type { LoadStep } from '../loadWorker';
import { startGatewayProcess, startHiveGateway } from '../peerGateway';
import { processCpuMs } from '../processCpu';
import { commonLoad, customerQueryAt, gatewayQuery, type Bench, type BenchScenario } from './scenario';

/** What the query plan sends each subgraph for that query, sent directly: the floor the gateway adds to. */
const entities = (selection: string) =>
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { ${selection} } } }`;

function directToSubgraphs(bench: Bench): LoadStep[][] {
  const { authorization } = bench;
  const { profile, ledger, rewards, campaign } = bench.stack.subgraphs;
  const reps = { representations: [{ __typename: 'Customer', id: '{id}' }] };
  return [
    [
      {
        url: profile.url,
        authorization,
        body: body(`query($id: ID!) { customer(id: $id) { __typename id name } }`, { id: '{id}' }),
      },
    ],
    [
      {
        url: ledger.url,
        authorization,
        body: body(entities('loyalty { balance history(first: 5) { edges { node { points reason } } } }'), reps),
      },
      {
        url: rewards.url,
        authorization,
        body: body(entities('rewards { available(first: 3) { name costPoints } }'), reps),
      },
      { url: campaign.url, authorization, body: body(entities('offers { title }'), reps) },
    ],
  ];
}

/**
 * The customer query: the subgraphs called directly (the floor) against the gateway, under load
 * and with one client; the gateway's caches and fetcher each measured with and without; and our
 * gateway against a peer gateway serving the same supergraph, each in a process of its own.
 */
export const queryScenario: BenchScenario = {
  name: 'query',
  async run(bench) {
    const { results, settings, stack, authorization, subgraphUrls } = bench;
    const { concurrency, durationMs } = settings;
    const common = commonLoad(bench);
    const direct = directToSubgraphs(bench);
    const gatewaySteps = customerQueryAt(bench, stack.gateway.url);
    // The floor and the gateway by turns, so the machine's drift does not land on one of them.
    const [floorResult, gatewayResult] = await byTurns(
      { ...common, groups: direct },
      { ...common, groups: gatewaySteps },
    );
    results.floor = summarise('customer query, subgraphs called directly (floor)', floorResult);
    results.viaGateway = summarise('customer query through the gateway', gatewayResult);
    results.rows.push(results.floor, results.viaGateway);
    // One client at a time: what the gateway adds to a request, without queueing on busy cores.
    const oneClient = { ...common, concurrency: 1 };
    const [floorOneClientResult, gatewayOneClientResult] = await byTurns(
      { ...oneClient, groups: direct },
      { ...oneClient, groups: gatewaySteps },
    );
    results.floorOneClient = summarise('customer query, subgraphs directly, 1 client', floorOneClientResult);
    results.gatewayOneClient = summarise('customer query through the gateway, 1 client', gatewayOneClientResult);
    results.rows.push(results.floorOneClient, results.gatewayOneClient);
    // Changes measured both ways by turns: the gateway's caches, and how it sends subgraph requests.
    const newOperation = [
      [
        {
          url: stack.gateway.url,
          authorization,
          body: body(gatewayQuery.replace('query(', 'query Customer{n}('), { id: '{id}' }),
        },
      ],
    ];
    results.optimisations.push(
      compare(
        'Parsed-document and query-plan caches (Apollo Server, @apollo/gateway)',
        ['a new operation text on every request (no cache hit)', 'the same operation again'],
        await byTurns(
          { ...oneClient, durationMs: durationMs / 2, groups: newOperation },
          { ...oneClient, durationMs: durationMs / 2, groups: gatewaySteps },
        ),
      ),
    );
    // The same gateway sending its subgraph requests with Node's fetch instead of node:http.
    const nodeFetchGateway = await startGateway({
      supergraphSdl: readSupergraphSdl(),
      subgraphUrls,
      auth: developmentAuthConfig(),
      logger: createLogger('error'),
      rateLimits: benchRateLimits,
      subgraphFetcher: 'node',
    });
    try {
      const each = { ...common, durationMs: durationMs / 2 };
      results.optimisations.push(
        compare(
          "Subgraph requests over node:http (kept alive) against Node's fetch (undici)",
          ["Node's fetch", 'node:http, kept alive (the default)'],
          await byTurns(
            { ...each, groups: customerQueryAt(bench, nodeFetchGateway.url) },
            { ...each, groups: gatewaySteps },
          ),
        ),
      );
    } finally {
      await nodeFetchGateway.stop();
    }
    // Each gateway alone in its own process, on the same subgraphs, by turns: ours, ours with
    // @apollo/gateway's own fetcher (make-fetch-happen), then the peer's; each one's CPU per request
    // read from its process (it is idle while the others' turns run).
    const gateways = [
      await startGatewayProcess(subgraphUrls),
      await startGatewayProcess(subgraphUrls, {
        name: "our gateway with @apollo/gateway's fetcher (own process)",
        env: { SUBGRAPH_CLIENT: 'apollo' },
      }),
    ];
    try {
      if (settings.peers) {
        for (const planner of ['javascript', 'rust'] as const) {
          const peer = await startHiveGateway(readSupergraphSdl(), subgraphUrls, planner);
          if (peer) gateways.push(peer);
        }
      }
      for (const [clients, suffix] of [
        [concurrency, ''],
        [1, ', 1 client'],
      ] as const) {
        console.log(`Customer query through ${gateways.map((gateway) => gateway.name).join(', ')}${suffix}...`);
        const cpuBefore = gateways.map((gateway) => processCpuMs(gateway.pid));
        const measured = await allByTurns(
          gateways.map((gateway) => ({ ...common, concurrency: clients, groups: customerQueryAt(bench, gateway.url) })),
        );
        measured.forEach((result, index) => {
          const cpuMs = processCpuMs(gateways[index]!.pid) - cpuBefore[index]!;
          results.rows.push({
            ...summarise(`customer query through ${gateways[index]!.name}${suffix}`, result),
            cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.sent)) * 100) / 100,
          });
        });
      }
    } finally {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
    }
  },
};
