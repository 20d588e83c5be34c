import { randomUUID } from 'node:crypto';
import { commonSettings } from '../../runtime/config/commonSettings';
import { createLogger } from '../../runtime/logging/logger';
import { NatsEvents } from '../../runtime/events/natsEvents';

export interface TestNats {
  nats: NatsEvents;
  /** Removes the streams of this test's prefix and closes the connection. */
  dispose(): Promise<void>;
}

/**
 * A connection to the NATS server at `url` (by default `NATS_URL`'s, JetStream enabled; `.ci/run` starts one) with a
 * subject prefix of its own, so test files and other checkouts sharing the server never read each
 * other's streams. Fails, rather than skips, when no server answers.
 */
export async function connectTestNats(url = commonSettings.settings.natsUrl.read(process.env)): Promise<TestNats> {
  const nats = await NatsEvents.connect({
    url,
    subjectPrefix: `test-${randomUUID().slice(0, 8)}`,
    name: 'loyalty-graph-test',
    logger: createLogger('error'),
  }).catch((error: unknown) => {
    throw new Error(`NATS does not answer at ${url} (start nats-server -js, as .ci/run does): ${String(error)}`);
  });
  return {
    nats,
    async dispose() {
      await nats.removeStreams();
      await nats.close();
    },
  };
}
