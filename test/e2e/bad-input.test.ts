import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
let draftId: string;

beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  const item = ['--item', 'Work', '--price', '100', '--tax', '19'];
  await box.ok(['invoice', 'new', '--customer', 'globex', ...item]); // 0001 open
  await box.ok(['invoice', 'new', '--customer', 'globex', ...item]); // 0002 paid
  await box.ok(['invoice', 'pay', 'INV-2026-0002']);
  await box.ok(['invoice', 'new', '--customer', 'globex', ...item]); // 0003 void
  await box.ok(['invoice', 'void', 'INV-2026-0003']);
  await box.ok(['invoice', 'new', '--customer', 'globex', ...item]); // 0004 partial
  await box.ok(['invoice', 'pay', 'INV-2026-0004', '--amount', '10']);
  draftId = (await box.ok(['invoice', 'new', '--customer', 'globex', ...item, '--draft'])).stdout.trim();
  writeFileSync(join(box.home, 'unknown-field.json'), JSON.stringify({ customer: 'globex', items: [{ description: 'x', unit_price: '1' }] }));
  writeFileSync(join(box.home, 'broken.json'), '{"customer": "globex", items: []}');
});
afterAll(() => box.cleanup());

const cases: [string, string[], RegExp, Record<string, string>?][] = [
  ['an unknown command', ['invoices', 'list'], /unknown command 'invoices'/],
  ['an unknown option', ['invoice', 'list', '--colour'], /unknown option '--colour'/],
  ['a missing option value', ['invoice', 'list', '--status'], /option '--status <status>' argument missing/],
  ['an unknown status filter', ['invoice', 'list', '--status', 'late'], /--status: 'late' is not one of draft, open, partial, paid, void, credited, written-off, issued, overdue, refund-due/],
  ['an impossible date', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1', '--date', '2026-02-30'], /--date: '2026-02-30' is not a date/],
  ['a due date before the issue date', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1', '--date', '2026-11-10', '--due', '2026-11-01'], /--due 2026-11-01 is before --date 2026-11-10/],
  ['--due with --terms', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1', '--due', '2026-12-01', '--terms', '10'], /--due and --terms cannot be used together/],
  ['an unknown currency', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1', '--currency', 'EURO'], /--currency: 'EURO' is not an ISO 4217 currency code/],
  ['a price that is not a number', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1,50'], /item 1 --price: '1,50' is not a decimal number/],
  ['a zero quantity', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--qty', '0', '--price', '1'], /item 1 --qty: must not be 0/],
  ['a tax rate over 100', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1', '--tax', '119'], /item 1 --tax: must be a percentage from 0 to 100/],
  ['--qty before any --item', ['invoice', 'new', '--customer', 'globex', '--qty', '2', '--item', 'x', '--price', '1'], /--qty 2: must follow the --item it belongs to/],
  ['an item without a price', ['invoice', 'new', '--customer', 'globex', '--item', 'x'], /item 1 --price: missing for 'x'/],
  ['a missing customer without a TTY', ['invoice', 'new', '--item', 'x', '--price', '1'], /--customer is required \(no terminal to ask on\)/],
  ['an unknown customer', ['invoice', 'new', '--customer', 'nobody', '--item', 'x', '--price', '1'], /no customer 'nobody'/],
  ['an unknown field in --input', ['invoice', 'new', '--input', 'unknown-field.json'], /--input unknown-field.json: items\[0\]\.unit_price: unknown field/],
  ['broken JSON in --input', ['invoice', 'new', '--input', 'broken.json'], /--input broken.json: not valid JSON/],
  ['an empty stdin for --input -', ['invoice', 'new', '--input', '-'], /--input -: is empty; expected a JSON document/],
  ['a missing --input file', ['invoice', 'new', '--input', 'nope.json'], /--input nope.json: cannot read it: no such file or directory/],
  ['an unknown invoice', ['invoice', 'show', 'INV-2026-0999'], /no invoice 'INV-2026-0999'/],
  ['an overpayment', ['invoice', 'pay', 'INV-2026-0001', '--amount', '119.01'], /amount: 119.01 EUR is more than the balance due of 119.00 EUR on INV-2026-0001/],
  ['an amount finer than cents', ['invoice', 'pay', 'INV-2026-0001', '--amount', '1.001'], /amount: 1.001 has more than 2 decimal places/],
  ['a negative amount', ['invoice', 'pay', 'INV-2026-0001', '--amount', '-5'], /--amount: must be greater than 0/],
  ['paying a void invoice', ['invoice', 'pay', 'INV-2026-0003'], /INV-2026-0003 is void and cannot be paid/],
  ['paying a paid invoice', ['invoice', 'pay', 'INV-2026-0002'], /already paid in full/],
  ['paying a draft', ['invoice', 'pay', 'DRAFT'], /is a draft; issue it first/],
  ['editing a paid invoice', ['invoice', 'edit', 'INV-2026-0002', '--note', 'x'], /INV-2026-0002 is paid and can no longer be edited/],
  ['editing a partly paid invoice', ['invoice', 'edit', 'INV-2026-0004', '--note', 'x'], /INV-2026-0004 is partial and can no longer be edited/],
  ['editing with nothing to change', ['invoice', 'edit', 'INV-2026-0001'], /nothing to change/],
  ['voiding a partly paid invoice', ['invoice', 'void', 'INV-2026-0004'], /has payments of 10.00 EUR and cannot be voided/],
  ['deleting an issued invoice without --force', ['invoice', 'delete', 'INV-2026-0001', '--yes'], /INV-2026-0001 is issued and cannot be deleted; void it instead/],
  ['deleting without --yes and no TTY', ['invoice', 'delete', 'INV-2026-0001', '--force'], /--yes is required to delete when not running interactively/],
  ['issuing an issued invoice', ['invoice', 'issue', 'INV-2026-0001'], /INV-2026-0001 is already issued/],
  ['a second init', ['init', '--name', 'Other', '--email', 'o@example.com'], /already has a business \(Ada Consulting\); change it with smallpay config set/],
  ['an invalid email', ['customer', 'add', '--name', 'X', '--email', 'not-an-email'], /--email: 'not-an-email' is not an email address/],
  ['a taken email', ['customer', 'add', '--name', 'X', '--email', 'AP@globex.test'], /email: AP@globex.test already belongs to customer 'globex'/],
  ['a taken id', ['customer', 'add', '--id', 'acme', '--name', 'X', '--email', 'x@x.test'], /id: a customer 'acme' exists already/],
  ['invalid terms', ['customer', 'add', '--name', 'X', '--email', 'x@x.test', '--terms', '30d'], /--terms: '30d' is not a number of days/],
  ['a missing name without a TTY', ['customer', 'add', '--email', 'x@x.test'], /--name is required \(no terminal to ask on\)/],
  ['removing a customer with unpaid invoices', ['customer', 'rm', 'globex'], /customer 'globex' has 3 unpaid or draft invoices .*pass --force/],
  ['an unknown setting', ['config', 'set', 'colour', 'red'], /unknown setting 'colour'/],
  ['an invalid number format', ['config', 'set', 'numberFormat', 'INV-{MM}-{SEQ}'], /numberFormat: \{MM\} needs \{YYYY\} too/],
  ['unsetting a required setting', ['config', 'unset', 'name'], /name: is required and cannot be unset/],
  ['an invalid SMALLPAY_NOW', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1'], /SMALLPAY_NOW: 'tomorrow' is not an ISO date/, { SMALLPAY_NOW: 'tomorrow' }],
  ['a SMALLPAY_NOW of hour 99', ['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1'], /SMALLPAY_NOW: '2026-11-25T99:99:99' is not an ISO date/, { SMALLPAY_NOW: '2026-11-25T99:99:99' }],
  ['a SMALLPAY_NOW offset of +99:00', ['invoice', 'list'], /SMALLPAY_NOW: '2026-11-25T10:00\+99:00' is not an ISO date/, { SMALLPAY_NOW: '2026-11-25T10:00+99:00' }],
  ['an invalid SMALLPAY_LOCK_TIMEOUT', ['invoice', 'pay', 'INV-2026-0001'], /SMALLPAY_LOCK_TIMEOUT: 'soon' is not a number of seconds/, { SMALLPAY_LOCK_TIMEOUT: 'soon' }],
];

describe('bad input', () => {
  it.each(cases)('refuses %s: exit 2, one line on stderr, nothing on stdout, store unchanged', async (_what, args, message, env) => {
    const before = await box.snapshot();
    const result = await box.run(args.map((arg) => (arg === 'DRAFT' ? draftId : arg)), { ...(env && { env }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^smallpay: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
    expect(await box.snapshot()).toBe(before);
  });
});
