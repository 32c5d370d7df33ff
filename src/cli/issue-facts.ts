/**
 * What issuing an invoice needs to read from outside the store: the digest of the logo file (pdf.logo), which
 * the invoice freezes so that its PDF can refuse a logo changed later (see src/domain/presentation.ts).
 * Read before the store's transaction; the core takes the digest only if the setting still names that file.
 */
import type { IssueFacts } from '../domain/presentation.js';
import type { Business } from '../domain/types.js';

export async function readIssueFacts(business: Business | null | undefined): Promise<IssueFacts> {
  const path = business?.pdf?.logo;
  if (path === undefined) return {};
  // Only when a logo is set: the PDF modules stay unloaded for every other invoice.
  const { logoDigest } = await import('../render/pdf/assets.js');
  return { logo: { path, sha256: logoDigest(path) } };
}
