/**
 * The demo's issued invoices as PDFs, in pdf/ beside the demo store (where `invoice pdf` would put
 * them), so that a newcomer sees a PDF after one command. Rendered as `invoice pdf` and `send` render.
 */
import { mkdir } from 'node:fs/promises';
import type { Business, Invoice } from '../../domain/types.js';
import { writeFileAtomic } from '../../platform/atomic-write.js';
import { childPath } from '../../platform/safe-path.js';

export async function writeDemoPdfs(invoices: readonly Invoice[], business: Business, folder: string, today: string): Promise<string> {
  const { createInvoicePdfRenderer } = await import('../../render/pdf/invoice-pdf.js');
  const renderer = await createInvoicePdfRenderer({ business, today });
  await mkdir(folder, { recursive: true, mode: 0o700 });
  for (const invoice of invoices) {
    const pdf = await renderer.render(invoice);
    await writeFileAtomic(childPath(folder, invoice.number ?? invoice.id, '.pdf'), pdf.bytes);
  }
  return folder;
}
