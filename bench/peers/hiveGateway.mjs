// Serves the supergraph with Hive Gateway's runtime, for the benchmark to compare with our gateway.
// Usage: node hiveGateway.mjs <supergraph.graphql> [router-runtime] (prints {"url": ...} once listening
// on a free port). With `router-runtime`, queries are planned by Hive Router's Rust query planner
// (@graphql-hive/router-runtime, a native module) instead of the JavaScript one.
// The client's Authorization header goes to every subgraph, which verify it, as with our gateway.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const supergraph = readFileSync(process.argv[2], 'utf8');
const routerRuntime = process.argv[3] === 'router-runtime';
const gateway = createGatewayRuntime({
  supergraph,
  ...(routerRuntime ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler } : {}),
  logging: 'error',
  graphqlEndpoint: '/graphql',
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? undefined }),
  },
});
const server = createServer(gateway);
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}/graphql` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
