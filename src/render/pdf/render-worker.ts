/**
 * A worker thread rendering invoice PDFs for a batch (see parallel-render.ts). It builds its own renderer
 * from the same options as the main thread, so its PDFs are byte for byte the ones the main thread makes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../domain/errors.js';
import type { Invoice } from '../../domain/types.js';
import { type InvoicePdfOptions, createInvoicePdfRenderer } from './invoice-pdf.js';

export interface RenderRequest {
  index: number;
  invoice: Invoice;
}

export type RenderReply =
  | { kind: 'ready' }
  | { kind: 'done'; index: number; bytes: Uint8Array; pages: number; sha256: string; lang: string; template: string }
  | { kind: 'failed'; index: number; error: SerializedError };

export interface SerializedError {
  domain?: { kind: DomainError['kind']; hint?: string };
  message: string;
}

function serialize(error: unknown): SerializedError {
  if (error instanceof DomainError) return { message: error.message, domain: { kind: error.kind, ...(error.hint !== undefined && { hint: error.hint }) } };
  return { message: error instanceof Error ? error.message : String(error) };
}

const port = parentPort;
if (port) {
  try {
    const renderer = await createInvoicePdfRenderer(workerData as InvoicePdfOptions);
    port.on('message', async ({ index, invoice }: RenderRequest) => {
      try {
        const pdf = await renderer.render(invoice);
        const bytes = new Uint8Array(pdf.bytes);
        port.postMessage({ kind: 'done', index, bytes, pages: pdf.pages, sha256: pdf.sha256, lang: pdf.lang, template: pdf.template } satisfies RenderReply, [bytes.buffer]);
      } catch (error) {
        port.postMessage({ kind: 'failed', index, error: serialize(error) } satisfies RenderReply);
      }
    });
    port.postMessage({ kind: 'ready' } satisfies RenderReply);
  } catch (error) {
    port.postMessage({ kind: 'failed', index: -1, error: serialize(error) } satisfies RenderReply);
  }
}
