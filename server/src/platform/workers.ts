// Background loops a module runs on every instance (seckill's order writer), started with the outbox once the
// server listens and stopped before the runtime closes its connections.
export interface BackgroundWorker {
  name: string;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

export class Workers {
  private readonly list: BackgroundWorker[] = [];
  private started = false;

  register(worker: BackgroundWorker): void {
    this.list.push(worker);
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const w of this.list) await w.start();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    for (const w of [...this.list].reverse()) await w.stop();
  }
}
