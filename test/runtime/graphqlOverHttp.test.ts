import { auditServer, type AuditResult } from 'graphql-http';
import { startTestGraph, type TestGraph } from '../support/testGraph';

/**
 * The audits that did not pass, as `status id name: reason`, so a failure names what to fix. Queries
 * over GET are refused on purpose (Apollo's CSRF prevention; every client here POSTs), which the
 * audit reports as notices of MAY features.
 */
const notPassed = (results: AuditResult[]) =>
  results.flatMap((result) =>
    result.status === 'ok' ? [] : [`${result.status} ${result.id} ${result.name}: ${result.reason}`],
  );

describe('GraphQL over HTTP (graphql-http audit)', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startTestGraph();
  });
  afterAll(() => graph?.stop());

  const getNotices = [
    'notice 5A70 MAY accept application/x-www-form-urlencoded formatted GET requests: Response status code is not 200',
    'notice D6D5 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json: Response status code is not 200',
    'notice 6A70 MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json: Response status code is not 200',
  ];

  it('the gateway passes every MUST and SHOULD audit', async () => {
    expect(notPassed(await auditServer({ url: graph.url }))).toEqual(getNotices);
  });

  it.each(['profile', 'ledger', 'rewards', 'campaign', 'engagement'] as const)(
    'the %s subgraph passes every MUST and SHOULD audit',
    async (name) => {
      expect(notPassed(await auditServer({ url: graph.stack.subgraphs[name].url }))).toEqual(getNotices);
    },
  );
});
