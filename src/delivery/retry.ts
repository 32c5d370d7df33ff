/**
 * Retries within a run, for what a retry may cure (no connection made, a 4xx reply; see SendFailure): four
 * attempts, waiting 0.5, 1.5 and 3 s between them, so one message never holds a run for more than about
 * 5 s plus the transport's timeouts. Anything else (a refusal, a connection that broke once the message may
 * have been under way, a refused login) is not retried.
 */
import { SendFailure } from '../mail/mailer.js';

export const RETRY_DELAYS_MS = [500, 1500, 3000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  delays?: readonly number[];
  /** Told before each wait, so the log shows that the run is retrying, and why. */
  onRetry?: (failure: SendFailure, delayMs: number) => void;
}

export async function sendWithRetries<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const delays = options.delays ?? RETRY_DELAYS_MS;
  for (let index = 0; ; index += 1) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delays[index];
      if (!(error instanceof SendFailure) || !error.retryable || delay === undefined) throw error;
      options.onRetry?.(error, delay);
      await sleep(delay);
    }
  }
}
