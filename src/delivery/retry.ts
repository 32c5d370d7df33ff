/**
 * Retries within a run, for what a retry may cure (a refused or dropped connection, a timeout, a 4xx
 * reply): four attempts, waiting 0.5, 1.5 and 3 s between them, so one message never holds a run for more
 * than about 5 s plus the transport's timeouts. A permanent refusal is not retried.
 */
import { SendFailure } from '../mail/mailer.js';

export const RETRY_DELAYS_MS = [500, 1500, 3000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function sendWithRetries<T>(attempt: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let index = 0; ; index += 1) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = error instanceof SendFailure && error.retryable;
      const delay = delays[index];
      if (!retryable || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
