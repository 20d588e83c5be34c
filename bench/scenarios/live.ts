import { signClientAuthorization } from '../../runtime/auth/tokens';
import { developmentAuthConfig } from '../../runtime/config/authConfig';
import { measureLiveUpdates } from '../liveUpdates';
import type { BenchScenario } from './scenario';

/**
 * Event-to-client latency with many live subscribers: paced purchases with one identity per
 * subscriber and with shared streams, purchases as fast as they go, and a larger paced run.
 */
export const liveScenario: BenchScenario = {
  name: 'live',
  async run(bench) {
    const { settings, stack, results } = bench;
    const { liveSubscribers, livePacedRate, durationMs, liveEvents, liveSubscribersLarge } = settings;
    const shared = {
      gatewayUrl: stack.gateway.url,
      wsUrl: stack.gateway.wsUrl,
      authorization: bench.authorization,
      memberIds: bench.ids.slice(0, settings.liveMembers),
      subscribers: liveSubscribers,
      writers: settings.concurrency,
    };
    const live = results.live;
    const pacedEvents = Math.round((livePacedRate * durationMs) / 1000);
    const tokenFor = (i: number) =>
      signClientAuthorization({ role: 'admin', subject: `bench-subscriber-${i}` }, developmentAuthConfig());
    console.log(`Live updates: ${liveSubscribers} subscribers, ${pacedEvents} purchases at ${livePacedRate}/s...`);
    live.push(
      await measureLiveUpdates({ ...shared, events: pacedEvents, purchasesPerSecond: livePacedRate, tokenFor }),
    );
    live.push(await measureLiveUpdates({ ...shared, events: pacedEvents, purchasesPerSecond: livePacedRate }));
    console.log(`Live updates: ${liveSubscribers} subscribers, ${liveEvents} purchases as fast as they go...`);
    live.push(await measureLiveUpdates({ ...shared, events: liveEvents, tokenFor }));
    if (liveSubscribersLarge > 0) {
      console.log(
        `Live updates: ${liveSubscribersLarge} subscribers, ${pacedEvents} purchases at ${livePacedRate}/s...`,
      );
      live.push(
        await measureLiveUpdates({
          ...shared,
          subscribers: liveSubscribersLarge,
          events: pacedEvents,
          purchasesPerSecond: livePacedRate,
        }),
      );
    }
    console.table(live);
  },
};
