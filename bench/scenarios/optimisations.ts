import { body } from '../loadRunner';
import { measureOptimisations } from '../optimisations';
import { gatewayQuery, type BenchScenario } from './scenario';

/** Changes measured with and without them in the same run, and the compression the gateway answers with. */
export const optimisationsScenario: BenchScenario = {
  name: 'optimisations',
  async run(bench) {
    const { results, database } = bench;
    console.log('Optimisations, each measured with and without...');
    results.optimisations.push(
      ...(await measureOptimisations({ db: database.db, databaseUrl: database.url, memberIds: bench.ids })),
    );
    const encoding = (
      await fetch(bench.stack.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-encoding': 'gzip, br',
          authorization: bench.authorization,
        },
        body: body(gatewayQuery, { id: bench.ids[0] }),
      })
    ).headers.get('content-encoding');
    results.compression = encoding ?? 'none';
  },
};
