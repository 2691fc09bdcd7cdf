import type { DomainEvent, EventClass } from './define-event';
import type { EventEnvelope } from './envelope';
import { EventSchemaError, UnknownEventError } from './errors';

/** Turns a payload stored at `fromVersion` into the shape of `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(payload: any): unknown;
}

export interface Decoded<P = unknown> {
  contract: EventClass<P>;
  payload: P;
}

/**
 * Every event contract, current and historical, and the upcasters between versions. Stored
 * events are never edited: old versions are validated as written, then upcast on read.
 */
export class EventRegistry {
  private readonly byKey = new Map<string, EventClass>();
  private readonly latestByType = new Map<string, EventClass>();
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(contracts: readonly EventClass<any>[], upcasters: readonly Upcaster[] = []) {
    for (const c of contracts) {
      const key = `${c.type}@${c.version}`;
      if (this.byKey.has(key)) throw new Error(`two contracts for ${key}`);
      this.byKey.set(key, c);
      const latest = this.latestByType.get(c.type);
      if (!latest || latest.version < c.version) this.latestByType.set(c.type, c);
    }
    for (const u of upcasters) this.upcasters.set(`${u.type}@${u.fromVersion}`, u);
    // Fail at start, not on the first old event: every gap between versions needs an upcaster.
    for (const latest of this.latestByType.values()) {
      for (let v = 1; v < latest.version; v++) {
        if (this.byKey.has(`${latest.type}@${v}`) && !this.upcasters.has(`${latest.type}@${v}`)) {
          throw new Error(`${latest.type} v${v} has no upcaster to v${v + 1}`);
        }
      }
    }
  }

  all(): EventClass[] {
    return [...this.byKey.values()];
  }

  contract(type: string, version: number): EventClass {
    const c = this.byKey.get(`${type}@${version}`);
    if (!c) throw new UnknownEventError(type, version);
    return c;
  }

  latest(type: string): EventClass {
    const c = this.latestByType.get(type);
    if (!c) throw new UnknownEventError(type);
    return c;
  }

  /** Parses `payload` against its contract at `version`; the parsed value drops unknown keys. */
  validate<P>(type: string, version: number, payload: unknown): P {
    const result = this.contract(type, version).schema.safeParse(payload);
    if (!result.success) {
      throw new EventSchemaError(type, version, result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    return result.data as P;
  }

  /** Validates a stored or received payload at its version, then upcasts it to the latest. */
  decode<P = unknown>(type: string, version: number, payload: unknown): Decoded<P> {
    let current = this.validate(type, version, payload);
    const latest = this.latest(type);
    for (let v = version; v < latest.version; v++) {
      const up = this.upcasters.get(`${type}@${v}`);
      if (!up) throw new UnknownEventError(type, v + 1);
      current = this.validate(type, v + 1, up.upcast(current));
    }
    return { contract: latest as EventClass<P>, payload: current as P };
  }

  /** The envelope at the latest version of its type (what handlers and projections see). */
  upcastEnvelope<P = unknown>(envelope: EventEnvelope): EventEnvelope<P> {
    const { contract, payload } = this.decode<P>(envelope.type, envelope.schemaVersion, envelope.payload);
    return { ...envelope, schemaVersion: contract.version, payload };
  }

  /** The domain event instance an aggregate or saga receives. */
  toDomainEvent(envelope: EventEnvelope): DomainEvent {
    const { contract, payload } = this.decode(envelope.type, envelope.schemaVersion, envelope.payload);
    return new contract(payload);
  }
}
