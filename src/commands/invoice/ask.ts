/** The questions `invoice new` asks on a terminal when the customer or the items were not given. */
import type { Deps } from '../../cli/deps.js';
import { validatorFor } from '../../cli/prompter.js';
import { parseDecimal } from '../../domain/decimal.js';
import { refused } from '../../domain/errors.js';
import { singleLine } from '../../domain/fields.js';
import type { ItemInput } from '../../domain/totals.js';
import type { StoreDocument } from '../../domain/types.js';
import { cell } from '../../render/text.js';

export async function askCustomer(doc: StoreDocument, deps: Deps): Promise<string> {
  if (doc.customers.length === 0) throw refused('there are no customers yet', 'add one with smallpay customer add');
  const choices = [...doc.customers]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((customer) => ({ name: `${cell(customer.name)} <${cell(customer.email)}>`, value: customer.id, description: customer.id }));
  return deps.prompter.select('Customer', choices);
}

const decimal = validatorFor((answer, field) => {
  if (!parseDecimal(answer)) throw new Error(`${field}: not a decimal number (e.g. 150.00)`);
});

export async function askItems(deps: Deps): Promise<ItemInput[]> {
  const items: ItemInput[] = [];
  let taxRate = '0';
  for (;;) {
    const first = items.length === 0;
    const description = await deps.prompter.input(first ? 'Item description' : 'Next item description (empty to finish)', {
      validate: (answer) => (first || answer.trim() !== '' ? validatorFor(singleLine)(answer) : undefined),
    });
    if (description.trim() === '') return items;
    const quantity = await deps.prompter.input('Quantity', { default: '1', validate: decimal });
    const unitPrice = await deps.prompter.input('Unit price (net)', { validate: decimal });
    taxRate = await deps.prompter.input('Tax rate %', { default: taxRate, validate: decimal });
    items.push({ description, quantity, unitPrice, taxRate });
  }
}
