// The per-instance sold-out flag: once an item's counter is at zero, attempts on this instance answer SOLD_OUT
// without a Redis call (and before the rate limiter). Units coming back are announced on a Redis channel, so
// every instance drops its flag; this instance drops its own at once.
import type { Logger } from '../../../platform/logger';
import type { RedisClient } from '../../../platform/redis/redis';
import { UNITS_RETURNED_CHANNEL } from './counters';

export class SoldOutFlags {
  private readonly soldOut = new Set<number>();
  private subscriber?: RedisClient;

  constructor(
    private readonly redis: RedisClient,
    private readonly logger: Logger,
    /** the deployment's key prefix: ioredis does not prefix channel names, so it is added here */
    private readonly channel = UNITS_RETURNED_CHANNEL,
  ) {}

  has(itemId: number): boolean {
    return this.soldOut.has(itemId);
  }

  mark(itemId: number): void {
    this.soldOut.add(itemId);
  }

  /** Units came back to `itemId` (a cancel, a refund, a repair): every instance may sell again. */
  async unitsReturned(itemId: number): Promise<void> {
    this.soldOut.delete(itemId);
    await this.redis.publish(this.channel, String(itemId));
  }

  /** Listens for other instances' returns on a second connection (real Redis only: in-process there is one). */
  async listen(shared: boolean): Promise<void> {
    if (!shared || this.subscriber) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => this.soldOut.delete(Number(message)));
    this.subscriber.on('error', (err: Error) => this.logger.warn({ err }, 'seckill sold-out subscriber'));
    await this.subscriber.subscribe(this.channel);
  }

  close(): void {
    this.subscriber?.disconnect();
    this.subscriber = undefined;
  }
}
