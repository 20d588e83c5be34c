import { randomUUID } from 'node:crypto';
import { createLogger } from '../../runtime/logging/logger';
import { RedisRateLimitStore } from '../../runtime/rateLimit/rateLimitStore';

// Needs a Redis server: .ci/run sets REDIS_URL to the local one. Without it this file is skipped
// (and reported as skipped), the in-memory store's own test still runs.
const withRedis = process.env.REDIS_URL ? describe : describe.skip;

withRedis('rate limits shared through Redis', () => {
  it('counts hits from two gateway instances together, so a limit holds across instances', async () => {
    const logger = createLogger('silent');
    const first = new RedisRateLimitStore(process.env.REDIS_URL!, logger);
    const second = new RedisRateLimitStore(process.env.REDIS_URL!, logger);
    try {
      const key = `test:${randomUUID()}`;
      expect(await first.hit(key, 10_000)).toBe(1);
      expect(await second.hit(key, 10_000)).toBe(2);
      expect(await first.hit(key, 10_000)).toBe(3);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
