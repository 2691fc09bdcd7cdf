import { Inject, Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DELIVERY_RECORDED_CHANNEL } from '../notifications.schema';

/**
 * A LISTEN session on DELIVERY_RECORDED_CHANNEL that calls `onWake` whenever deliveries were
 * committed (by this replica or another). Best effort: while it is down the dispatcher polls.
 */
@Injectable()
export class DeliverySignal {
  private readonly databaseUrl: string;
  private client?: Client;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.databaseUrl = config.databaseUrl;
  }

  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Opens the session if it is not open; rejects when that fails (try again later). */
  async ensureListening(onWake: () => void): Promise<void> {
    if (this.client) return;
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', () => onWake());
    // A lost connection: forget it, the next ensureListening() opens a new one.
    client.on('error', () => void this.drop(client));
    client.on('end', () => void this.drop(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${DELIVERY_RECORDED_CHANNEL}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    // Whatever was recorded while no session listened was never announced.
    onWake();
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async drop(client: Client): Promise<void> {
    if (this.client !== client) return;
    this.client = undefined;
    await client.end().catch(() => undefined);
  }
}
