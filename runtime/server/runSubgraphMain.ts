import { commonSettings } from '../config/commonSettings';
import { readCommonConfig, readDatabaseConfig } from '../config/serviceConfig';
import { openDatabase } from '../database/openDatabase';
import { openEventTransport } from '../events/natsEvents';
import { runMain } from './runMain';
import type { RunningSubgraph, SubgraphOptions } from './startSubgraph';

/**
 * The `main.ts` of a subgraph run as its own process (docker-compose, production): reads the
 * common settings and `PORT`, opens the database, starts the subgraph, stops it on a signal.
 */
export function runSubgraphMain(
  name: string,
  defaultPort: number,
  start: (options: SubgraphOptions, env: NodeJS.ProcessEnv) => Promise<RunningSubgraph>,
): void {
  runMain(async () => {
    const env = process.env;
    const common = readCommonConfig(env);
    const db = await openDatabase(readDatabaseConfig(env, name, common.logger));
    let events: Awaited<ReturnType<typeof openEventTransport>> | undefined;
    try {
      events = await openEventTransport(common.eventTransport, name, common.logger);
      const subgraph = await start(
        {
          db,
          auth: common.auth,
          limits: common.limits,
          introspection: !common.production,
          logger: common.logger,
          host: common.host,
          port: commonSettings.settings.port.read(env, defaultPort),
          eventPollIntervalMs: common.eventPollIntervalMs,
          shutdownDelayMs: common.shutdownDelayMs,
          eventTransport: events.transport,
        },
        env,
      );
      return {
        async stop() {
          await subgraph.stop();
          await events?.close();
          await db.close();
        },
      };
    } catch (error) {
      await events?.close();
      await db.close();
      throw error;
    }
  }, name);
}
