import { ServiceMetrics } from './metrics';

describe('ServiceMetrics', () => {
  it('answers a scrape when a gauge cannot be read, with that gauge unknown (NaN)', async () => {
    const metrics = new ServiceMetrics('ledger');
    metrics.gauge('broken_gauge', 'Reads a database that is away.', [], () =>
      Promise.reject(new Error('ECONNREFUSED')),
    );
    metrics.gauge('working_gauge', 'Reads fine.', [], async () => [{ value: 7 }]);
    const { body } = await metrics.exposition();
    expect(body).toMatch(/^working_gauge\{service="ledger"\} 7$/m);
    expect(body).toMatch(/^broken_gauge\{service="ledger"\} NaN$/im);
  });

  it('does not wait for a gauge that hangs', async () => {
    const metrics = new ServiceMetrics('ledger');
    metrics.gauge('hanging_gauge', 'Never answers.', [], () => new Promise(() => undefined));
    const started = Date.now();
    const { body } = await metrics.exposition();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(body).toMatch(/nodejs_heap_size_total_bytes/);
  });

  it('labels operations by name for authenticated callers only, and bounds the names', () => {
    const metrics = new ServiceMetrics('gateway');
    expect(metrics.operationLabel('MemberOverview', true)).toBe('MemberOverview');
    expect(metrics.operationLabel('MemberOverview', false)).toBe('unauthenticated');
    expect(metrics.operationLabel(undefined, true)).toBe('anonymous');
    expect(metrics.operationLabel('not-a-name', true)).toBe('invalid');
    for (let n = 0; n < 300; n++) metrics.operationLabel(`Op${n}`, true);
    expect(metrics.operationLabel('Op250', true)).toBe('other');
    expect(metrics.operationLabel('MemberOverview', true)).toBe('MemberOverview');
  });
});
