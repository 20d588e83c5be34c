import Redis from 'ioredis';
import type { Logger } from '../logging/logger';

/** Counts hits per key in fixed windows. */
export interface RateLimitStore {
  /** Counts `amount` hits (default 1) for `key` in the current window of `windowMs`; returns the window's count. */
  hit(key: string, windowMs: number, amount?: number): Promise<number>;
  close(): Promise<void>;
}

/** Limits for one process: enough for `npm start` and a single gateway. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();
  private lastSweep = Date.now();

  async hit(key: string, windowMs: number, amount = 1): Promise<number> {
    const now = Date.now();
    if (now - this.lastSweep > windowMs) this.sweep(now);
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.windows.set(key, { count: amount, endsAt: now + windowMs });
      return amount;
    }
    return (window.count += amount);
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    this.lastSweep = now;
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}

// Increment and set the expiry in one step, so a crash between them never leaves a key forever.
const hitScript = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** Limits shared by every gateway instance through Redis. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly prefix = 'loyalty-graph:rate:',
  ) {
    // A Redis that is down fails each check within half a second (and the check is skipped).
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 500 });
    this.redis.on('error', (error: Error) =>
      this.logger.warn('rate limit store unavailable', { error: error.message }),
    );
  }

  async hit(key: string, windowMs: number, amount = 1): Promise<number> {
    const window = Math.floor(Date.now() / windowMs);
    try {
      return Number(
        await this.redis.eval(hitScript, 1, `${this.prefix}${key}:${window}`, String(windowMs), String(amount)),
      );
    } catch (error) {
      // Fail open: an outage of the limiter must not stop purchases at the till.
      this.logger.warn('rate limit check skipped', { error: (error as Error).message });
      return 0;
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
