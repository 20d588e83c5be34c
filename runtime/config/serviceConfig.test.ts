import { ConfigError } from './env';
import { readCommonConfig, readDatabaseConfig, readTracingConfig } from './serviceConfig';

describe('settings read from the environment', () => {
  it('reads tracing off by default, and an OTLP endpoint from either variable', () => {
    expect(readTracingConfig({}, 'gateway')).toEqual({
      exporter: 'none',
      otlpEndpoint: undefined,
      serviceName: 'gateway',
      sampleRatio: 1,
    });
    expect(
      readTracingConfig(
        {
          OTEL_TRACES_EXPORTER: 'otlp',
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
          OTEL_SERVICE_NAME: 'pos-graph',
        },
        'gateway',
      ),
    ).toEqual({
      exporter: 'otlp',
      otlpEndpoint: 'http://collector:4318/v1/traces',
      serviceName: 'pos-graph',
      sampleRatio: 1,
    });
    expect(readTracingConfig({ OTEL_TRACES_SAMPLER_ARG: '0.05' }, 'x').sampleRatio).toBe(0.05);
    expect(
      readTracingConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:9/traces' }, 'x')
        .otlpEndpoint,
    ).toBe('http://c:9/traces');
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'jaeger' }, 'OTEL_TRACES_EXPORTER must be none, otlp or console, got "jaeger"'],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' },
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http or https URL, got "collector:4318"',
    ],
    [
      { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' },
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be a URL, got "not a url"',
    ],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readTracingConfig(env, 'x')).toThrow(new ConfigError(message));
  });

  it.each([
    [{ SHUTDOWN_DELAY_MS: '-5' }, /SHUTDOWN_DELAY_MS must be an integer from 0 to 60000, got "-5"/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be debug, info, warn, error or silent, got "loud"/],
    [{ EVENT_POLL_INTERVAL_MS: 'often' }, /EVENT_POLL_INTERVAL_MS must be an integer/],
  ])('refuses %o at start-up', (env, message) => {
    expect(() => readCommonConfig(env)).toThrow(message);
  });

  it('reads the shutdown delay', () => {
    expect(readCommonConfig({ SHUTDOWN_DELAY_MS: '5000', LOG_LEVEL: 'silent' }).shutdownDelayMs).toBe(5000);
  });

  it('refuses a pool size that is not a number', () => {
    const { logger } = readCommonConfig({ LOG_LEVEL: 'silent' });
    expect(() => readDatabaseConfig({ DATABASE_POOL_SIZE: 'lots' }, 'ledger', logger)).toThrow(
      'DATABASE_POOL_SIZE must be an integer from 1 to 200, got "lots"',
    );
  });

  it('reads a read replica beside the primary, and refuses one without a primary', () => {
    const { logger } = readCommonConfig({ LOG_LEVEL: 'silent' });
    const primary = 'postgres://db.internal/loyalty';
    const replica = 'postgres://replica.internal/loyalty';
    expect(readDatabaseConfig({ DATABASE_URL: primary }, 'ledger', logger).readUrl).toBeUndefined();
    expect(readDatabaseConfig({ DATABASE_URL: primary, DATABASE_READ_URL: replica }, 'ledger', logger).readUrl).toBe(
      replica,
    );
    expect(() => readDatabaseConfig({ DATABASE_READ_URL: replica }, 'ledger', logger)).toThrow(
      'DATABASE_READ_URL needs DATABASE_URL',
    );
  });
});
