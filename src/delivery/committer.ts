/**
 * Records outcomes of sends in the store in as few locked writes as it can: while one write runs, the
 * next outcomes wait and go together in the following one. Each outcome is written before the run ends;
 * one that a crash keeps from being written leaves its job pending, and the next run sends it again with
 * the same Message-ID.
 */
import type { SendJob, StoreDocument } from '../domain/types.js';
import type { Store } from '../store/store.js';

type Change = (doc: StoreDocument) => void;

export class Committer {
  private queue: { invoiceId: string; change: Change }[] = [];
  private writing: Promise<void> | undefined;
  private failure: unknown;

  constructor(private readonly store: Store) {}

  /** `change` records an outcome of `job`: it touches that job and its invoice only. */
  add(job: Pick<SendJob, 'invoiceId'>, change: Change): void {
    this.queue.push({ invoiceId: job.invoiceId, change });
    this.writing ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        // The jobs' invoices with their jobs, and every job still waiting: the jobs of this run are pending
        // (claimed) even when their invoice was deleted meanwhile.
        await this.store.update(
          (doc) => {
            for (const { change } of batch) change(doc);
          },
          { invoices: { refs: [...new Set(batch.map(({ invoiceId }) => invoiceId))] }, outbox: 'active' },
        );
      }
    } catch (error) {
      this.failure ??= error;
    } finally {
      this.writing = undefined;
    }
  }

  /** Waits until every outcome is written; throws the first write failure. */
  async drain(): Promise<void> {
    while (this.writing || this.queue.length > 0) await (this.writing ??= this.flush());
    if (this.failure) throw this.failure;
  }
}
