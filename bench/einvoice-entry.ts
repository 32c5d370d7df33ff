// What bench/einvoice.mjs bundles (with esbuild) to call the e-invoice writers directly, as `invoice export` does.
export { einvoiceDocument } from '../src/domain/einvoice.js';
export { einvoiceProblems } from '../src/domain/einvoice-checks.js';
export { EINVOICE_FORMATS } from '../src/render/einvoice/formats.js';
