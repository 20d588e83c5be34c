import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../runtime/config/projectRoot';
import { subgraphNames } from '../../subgraphs/registry';

interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  stop_grace_period?: string;
  deploy?: { replicas?: number };
  ports?: string[];
}

// Docker cannot run here (no daemon, no registry), so the file is checked for what the stack needs.
describe('docker-compose.yml', () => {
  const root = projectRoot();
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
    volumes: Record<string, unknown>;
  };
  const nodeServices = ['gateway', ...subgraphNames];

  it('runs the gateway and every subgraph from the image, each with its own entry point', () => {
    for (const name of nodeServices) {
      const service = compose.services[name]!;
      expect(service.build).toBe('.');
      const entry = service.command?.[1];
      expect(entry).toMatch(/^dist\/.+\/main\.js$/);
      // The compiled entry point comes from a main.ts in the source.
      expect(existsSync(path.join(root, entry!.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    }
  });

  it('checks every service is ready before the ones that need it start', () => {
    for (const name of nodeServices) {
      const service = compose.services[name]!;
      expect(service.healthcheck?.test.join(' ')).toContain('/health/ready');
      // Subgraphs need their database; the gateway needs the subgraphs (below).
      if (name !== 'gateway') expect(service.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(service.stop_grace_period).toBeDefined();
      expect(Number(service.environment?.SHUTDOWN_DELAY_MS)).toBeGreaterThan(0);
    }
    for (const subgraph of subgraphNames) {
      expect(compose.services.gateway!.depends_on?.[subgraph]?.condition).toBe('service_healthy');
      expect(compose.services.gateway!.environment?.[`${subgraph.toUpperCase()}_URL`]).toBe(
        `http://${subgraph}:4000/graphql`,
      );
    }
    expect(compose.services.postgres!.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it('carries events over NATS JetStream and runs two gateways behind a load balancer (issue 30)', () => {
    expect(compose.services.nats!.command).toEqual(expect.arrayContaining(['-js', '-sd']));
    expect(compose.services.nats!.healthcheck?.test.join(' ')).toContain('js-enabled-only');
    for (const name of nodeServices) {
      expect(compose.services[name]!.environment).toMatchObject({
        EVENT_TRANSPORT: 'nats',
        NATS_URL: 'nats://nats:4222',
      });
      if (name !== 'gateway') expect(compose.services[name]!.depends_on?.nats?.condition).toBe('service_healthy');
    }
    expect(compose.services.gateway!.deploy?.replicas).toBe(2);
    expect(compose.services.gateway!.ports).toBeUndefined();
    expect(compose.services.balancer!.ports).toEqual(['4000:4000']);
    expect(compose.services.balancer!.depends_on?.gateway?.condition).toBe('service_healthy');
  });

  it('keeps PostgreSQL data in a named volume', () => {
    const [mount] = compose.services.postgres!.volumes ?? [];
    const [volume, target] = mount!.split(':');
    expect(target).toBe('/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });
});
