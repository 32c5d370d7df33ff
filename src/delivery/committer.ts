/**
 * Records outcomes of sends in the store in as few locked writes as it can: while one write runs, the
 * next outcomes wait and go together in the following one. Each outcome is written before the run ends;
 * one that a crash keeps from being written leaves its job pending, and the next run sends it again with
 * the same Message-ID.
 */
import type { StoreDocument } from '../domain/types.js';
import type { Store } from '../store/store.js';

type Change = (doc: StoreDocument) => void;

export class Committer {
  private queue: Change[] = [];
  private writing: Promise<void> | undefined;
  private failure: unknown;

  constructor(private readonly store: Store) {}

  add(change: Change): void {
    this.queue.push(change);
    this.writing ??= this.flush();
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.store.update((doc) => {
          for (const change of batch) change(doc);
        });
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
