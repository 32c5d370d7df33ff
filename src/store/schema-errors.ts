import type { SchemaError } from '../generated/validateStore.js';

/** "/invoices/3/items/0/net" → "invoices[3].items[0].net": how a person points at a place in the file. */
export function pointerToPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : path === '' ? key : `.${key}`;
  }
  return path;
}

/**
 * One line naming the problem ajv found, such as "invoices[3].total: must be integer". Of several errors
 * (alternatives of an anyOf) the deepest is the one a person can act on.
 */
export function describeSchemaError(errors: readonly SchemaError[] | null | undefined, root: string): string {
  // An unknown field first: it is usually a typo of the field reported missing.
  const depth = (e: SchemaError) =>
    e.instancePath.split('/').length + (e.keyword === 'required' ? 1 : 0) + (e.keyword === 'additionalProperties' ? 1.5 : 0);
  const error = (errors ?? []).reduce<SchemaError | undefined>((best, e) => (best === undefined || depth(e) > depth(best) ? e : best), undefined);
  if (!error) return `${root}: invalid`;
  const at = pointerToPath(error.instancePath);
  const join = (child: string) => (at === '' ? child : `${at}.${child}`);
  if (error.keyword === 'required') return `${join(String(error.params.missingProperty))}: is required`;
  if (error.keyword === 'additionalProperties') return `${join(String(error.params.additionalProperty))}: unknown field`;
  return `${at === '' ? root : at}: ${error.message ?? 'invalid'}`;
}
