import { MemoryRateLimitStore } from './rateLimitStore';

describe('in-memory rate limit store', () => {
  it('counts hits per key within a window and starts again after it', async () => {
    const store = new MemoryRateLimitStore();
    expect(await store.hit('a', 50)).toBe(1);
    expect(await store.hit('a', 50)).toBe(2);
    expect(await store.hit('b', 50)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await store.hit('a', 50)).toBe(1);
    await store.close();
  });
});
