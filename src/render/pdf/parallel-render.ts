/**
 * Batches of PDFs on every core: a few worker threads, each with its own renderer (template, fonts and
 * labels loaded once per worker), each taking the next invoice when it finishes one. The results come back
 * in any order; `onResult` gets each with its index in the batch. The first failure stops the batch.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../domain/errors.js';
import type { Invoice } from '../../domain/types.js';
import type { InvoicePdf, InvoicePdfOptions } from './invoice-pdf.js';
import { packagePath } from '../../platform/package-root.js';
import type { RenderReply, SerializedError } from './render-worker.js';

/** Below this many invoices, starting workers (each loads pdfmake and the fonts) costs more than it saves. */
export const PARALLEL_THRESHOLD = 24;

/** SMALLPAY_PDF_WORKERS, else one per core up to 4; 1 or less means no workers. */
export function workerCount(setting: string | undefined, invoices: number): number {
  const wanted = setting !== undefined && setting !== '' ? Number(setting) : Math.min(availableParallelism(), 4);
  if (!Number.isInteger(wanted) || wanted < 2 || invoices < PARALLEL_THRESHOLD) return 1;
  return Math.min(wanted, Math.ceil(invoices / 8));
}

function revive(error: SerializedError): Error {
  return error.domain ? new DomainError(error.domain.kind, error.message, error.domain.hint) : new Error(error.message);
}

export async function renderInParallel(
  invoices: readonly Invoice[],
  options: InvoicePdfOptions,
  workers: number,
  onResult: (index: number, pdf: InvoicePdf) => Promise<void>,
): Promise<void> {
  const script = packagePath('dist', 'render-worker.js');
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: options }));
  let next = 0;
  let pending = invoices.length;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        if (!failed) reject(error);
        failed = true;
      };
      const feed = (worker: Worker) => {
        if (failed || next >= invoices.length) return;
        const index = next;
        next += 1;
        worker.postMessage({ index, invoice: invoices[index] });
      };
      for (const worker of pool) {
        worker.on('error', fail);
        worker.on('message', (reply: RenderReply) => {
          if (reply.kind === 'ready') return feed(worker);
          if (reply.kind === 'failed') return fail(revive(reply.error));
          const { index, bytes, pages, sha256, lang, template } = reply;
          feed(worker);
          onResult(index, { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages, sha256, lang, template }).then(() => {
            pending -= 1;
            if (pending === 0) resolve();
          }, fail);
        });
      }
    });
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
}
