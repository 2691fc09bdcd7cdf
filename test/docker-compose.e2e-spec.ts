// docker-compose.yml checked without Docker (no engine runs on our machines or in CI): it must
// be valid Compose and keep the invariants the system relies on. It lives in the e2e project only
// because it reads repository files; it needs no running service.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { register } from 'prom-client';
import { SERVICE_ROLES } from '../libs/database/src/service-roles';
// Registers every instrument of ours in prom-client's registry (read by the dashboard test).
import '../libs/metrics/src';
import { DEV_KAFKA_PASSWORD_PREFIX } from '../libs/config/src/config.schema';
import { ELASTICSEARCH_VERSION, KAFKA_VERSION } from '../scripts/stack/paths';

const ROOT = join(__dirname, '..');
const APPS = ['gateway', 'order', 'user', 'payment', 'consumers'];
const INFRA = ['kafka', 'postgres', 'elasticsearch', 'mailpit'];

// The Compose Specification schema (compose-spec/compose-spec, schema/compose-spec.json) as the
// dclint devDependency ships it (dclint 3.1.0: upstream as of 2025-07-21). Its package exports
// hide the file, so find it via package.json.
const schemaFile = join(dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');

const compileComposeSchema = () => {
  // The file names its draft as https://json-schema.org/draft-07/schema, a URI Ajv does not
  // know (it registers http://…#); draft-07 is Ajv's default anyway, so drop the pointer.
  const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8'));
  // strictTypes off: one oneOf branch upstream uses object keywords without `type: object`,
  // which Ajv only warns about; every other strict check (unknown keywords, …) stays on.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
  addFormats(ajv);
  return ajv.compile(schema);
};

type Service = {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string>; target?: string };
  entrypoint?: string[];
  volumes?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[] };
};
type Compose = { services: Record<string, Service> };

// merge: true resolves `<<: *anchor` the way Compose does, so checks see each service whole.
const loadCompose = (): Compose =>
  parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as Compose;

describe('docker-compose.yml', () => {
  const validate = compileComposeSchema();
  const compose = loadCompose();
  const service = (name: string): Service => compose.services[name];

  it('is valid against the Compose Specification schema', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a broken copy, so the validator above is really checking', () => {
    const broken = loadCompose();
    (broken.services.kafka as Record<string, unknown>).ports = 12;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/services/kafka/ports')).toBe(true);
  });

  it('defines the five apps, the four infrastructure services, the Kafka setup and the monitoring pair', () => {
    expect(Object.keys(compose.services).sort()).toEqual([...APPS, ...INFRA, 'kafka-setup', 'prometheus', 'grafana'].sort());
  });

  it('has Prometheus scrape every app\'s /metrics on the port the app listens on', () => {
    const config = parse(readFileSync(join(ROOT, 'infra', 'prometheus', 'prometheus.yml'), 'utf8')) as { scrape_configs: { metrics_path: string; static_configs: { targets: string[] }[] }[] };
    const [job] = config.scrape_configs;
    expect(job.metrics_path).toBe('/metrics');
    const targets = job.static_configs.flatMap((c) => c.targets).sort();
    expect(targets).toEqual(APPS.map((app) => `${app}:${service(app).environment?.[`${app.toUpperCase()}_PORT`]}`).sort());
    expect(service('prometheus').volumes).toContain('./infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro');
  });

  it('provisions a Grafana dashboard whose every query names only metrics the apps export', async () => {
    // The instruments (imported above) and the process metrics are in prom-client's registry.
    const exported = new Set((await register.getMetricsAsJSON()).map((m) => m.name));
    const dashboard = JSON.parse(readFileSync(join(ROOT, 'infra', 'grafana', 'dashboards', 'commerce.json'), 'utf8')) as { panels: { targets: { expr: string }[] }[] };
    const queried = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr)).flatMap((expr) => expr.match(/\b(?:commerce|process|nodejs)_[a-z0-9_]+/g) ?? []);
    expect(queried.length).toBeGreaterThan(10);
    // Histograms are exported as <name>_bucket/_sum/_count.
    expect(queried.filter((name) => !exported.has(name.replace(/_(bucket|sum|count)$/, '')))).toEqual([]);
    expect(service('grafana').volumes).toEqual(['./infra/grafana/provisioning:/etc/grafana/provisioning:ro', './infra/grafana/dashboards:/var/lib/grafana/dashboards:ro']);
  });

  it.each(APPS)('builds %s from the one Dockerfile, with APP naming it', (app) => {
    expect(service(app).build).toEqual({ context: '.', dockerfile: 'Dockerfile', args: { APP: app } });
    expect(service(app).image).toBeUndefined();
  });

  it.each(APPS)('starts %s only once every infrastructure service is healthy', (app) => {
    const dependsOn = service(app).depends_on ?? {};
    for (const infra of INFRA) expect(dependsOn[infra]).toEqual({ condition: 'service_healthy' });
    expect(dependsOn['kafka-setup']).toEqual({ condition: 'service_completed_successfully' });
  });

  it.each(APPS)('probes /health of %s on the port it is configured to listen on', (app) => {
    const port = String(service(app).environment?.[`${app.toUpperCase()}_PORT`]);
    const test = service(app).healthcheck?.test ?? [];
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(test[3]).toContain("'/health'");
    expect(test[4]).toBe(port);
    expect(service(app).environment?.HOST).toBe('0.0.0.0');
  });

  it.each(APPS)('connects %s to PostgreSQL as its own role, which the database makes at its first start', (app) => {
    const url = new URL(String(service(app).environment?.DATABASE_URL));
    expect(url.username).toBe(SERVICE_ROLES[app as keyof typeof SERVICE_ROLES]);
    expect((service('postgres') as { volumes?: string[] }).volumes).toContain('./libs/database/sql/service-roles.sql:/docker-entrypoint-initdb.d/10-service-roles.sql:ro');
  });

  it('gives every infrastructure service a healthcheck, which the apps wait on', () => {
    for (const infra of INFRA) expect(service(infra).healthcheck?.test?.length).toBeGreaterThan(0);
  });

  const brokerSettings = (): Map<string, string> => new Map(
    readFileSync(join(ROOT, 'infra', 'kafka', 'server.properties'), 'utf8').split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

  it('runs the Kafka 4 broker version of the local stack on our settings, with topic auto-creation off', () => {
    const [repository, tag] = (service('kafka').image ?? '').split(':');
    expect(repository).toBe('apache/kafka');
    expect(tag.split('.')[0]).toBe('4'); // KRaft only; the kafkajs pitfalls were checked on 4.x
    expect(tag).toBe(KAFKA_VERSION);
    expect(service('kafka').volumes).toContain('./infra/kafka:/etc/commerce-kafka:ro');
    expect(service('kafka').entrypoint).toEqual(['/bin/sh', '/etc/commerce-kafka/start.sh']);
    expect(brokerSettings().get('auto.create.topics.enable')).toBe('false');
  });

  it('lets other containers reach Kafka only over SASL/SCRAM, with an authorizer that allows only what ACLs allow', () => {
    const settings = brokerSettings();
    const listeners = (settings.get('listeners') ?? '').split(',');
    // Every listener but the SASL one is bound to the container's loopback address.
    expect(listeners.filter((l) => !l.includes('://127.0.0.1:'))).toEqual(['SASL_PLAINTEXT://:9092']);
    expect(settings.get('sasl.enabled.mechanisms')).toBe('SCRAM-SHA-512');
    expect(settings.get('authorizer.class.name')).toBe('org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(settings.get('allow.everyone.if.no.acl.found')).toBe('false');
    expect(settings.get('super.users')).toBe('User:ANONYMOUS;User:commerce-admin');
    expect(service('kafka').healthcheck?.test?.join(' ')).toContain('--bootstrap-server 127.0.0.1:9094');
  });

  it.each(APPS)('connects %s to Kafka as its own user, whose password the broker was formatted with', (app) => {
    const env = service(app).environment ?? {};
    expect(env).toMatchObject({ KAFKA_BROKERS: 'kafka:9092', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_USERNAME: `commerce-${app}` });
    expect(env.KAFKA_PASSWORD).toBe(service('kafka').environment?.[`KAFKA_PASSWORD_${app.toUpperCase()}`]);
    // Development passwords, which production refuses (libs/config).
    expect(String(env.KAFKA_PASSWORD).startsWith(DEV_KAFKA_PASSWORD_PREFIX)).toBe(true);
  });

  it('grants the apps their ACLs in a one-shot kafka-setup, as the broker\'s admin, before any app starts', () => {
    const setup = service('kafka-setup');
    expect(setup.build).toEqual({ context: '.', dockerfile: 'Dockerfile', target: 'kafka-setup' });
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^FROM build AS kafka-setup$/m);
    expect(setup.environment).toMatchObject({ KAFKA_USERNAME: 'commerce-admin', KAFKA_PASSWORD: service('kafka').environment?.KAFKA_PASSWORD_ADMIN, COMMERCE_NAMESPACE: service('gateway').environment?.COMMERCE_NAMESPACE });
    expect(setup.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
  });

  it('runs the Elasticsearch version of the local stack', () => {
    expect(service('elasticsearch').image).toBe(
      `docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION}`,
    );
  });
});
