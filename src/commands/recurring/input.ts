/** Reading a schedule's items from flags or an --input document, and its JSON form. */
import type { Deps } from '../../cli/deps.js';
import { UsageError } from '../../cli/errors.js';
import { optionalString } from '../../cli/flags.js';
import { readInvoiceDocument } from '../../cli/invoice-document.js';
import { itemsFromFlags } from '../../cli/item-flags.js';
import { upcoming } from '../../domain/recurring.js';
import type { Schedule } from '../../domain/types.js';

export interface ItemsSource {
  items?: Schedule['items'];
  input?: string;
}

export function itemsSource(opts: Record<string, unknown>): ItemsSource {
  const items = itemsFromFlags(opts);
  const input = optionalString(opts, 'input');
  if (items !== undefined && input !== undefined) throw new UsageError('give the items either with --item or in the --input document, not both');
  return { ...(items !== undefined && { items }), ...(input !== undefined && { input }) };
}

/** Items, currency and note from --input (only those fields are read), or the items of the flags. */
export async function readItems(source: ItemsSource, deps: Deps): Promise<{ items?: Schedule['items']; currency?: string; note?: string }> {
  if (source.input === undefined) return source.items ? { items: source.items } : {};
  const document = await readInvoiceDocument(source.input, deps.io);
  return {
    ...(document.items !== undefined && { items: document.items }),
    ...(document.currency !== undefined && { currency: document.currency }),
    ...(document.note !== undefined && { note: document.note }),
  };
}

export function wholeNumber(opts: Record<string, unknown>, key: string, flagName: string, max: number): number | undefined {
  const text = optionalString(opts, key);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new UsageError(`${flagName}: '${text}' is not a whole number from 1 to ${max}`);
  return Number(text);
}

export function dayOfMonth(opts: Record<string, unknown>): number | 'last' | undefined {
  const day = optionalString(opts, 'day');
  if (day === undefined) return undefined;
  if (day === 'last') return 'last';
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 28) throw new UsageError(`--day: '${day}' is not a day from 1 to 28, or last (days 29 to 31 are not in every month)`);
  return Number(day);
}

export function scheduleJson(schedule: Schedule) {
  return {
    id: schedule.id,
    customer: schedule.customer,
    every: schedule.every,
    interval: schedule.interval,
    day: schedule.day ?? null,
    start: schedule.start,
    end: schedule.end ?? null,
    count: schedule.count ?? null,
    terms: schedule.terms ?? null,
    currency: schedule.currency ?? null,
    note: schedule.note ?? null,
    items: schedule.items.map((item) => ({ description: item.description, quantity: item.quantity ?? '1', unitPrice: item.unitPrice, taxRate: item.taxRate ?? '0' })),
    status: schedule.status,
    createdAt: schedule.createdAt,
    issued: schedule.issued.map((entry) => ({ period: entry.period, date: entry.date, number: entry.number })),
    // The next three periods not issued yet, overdue ones first: what the next runs will issue.
    next: schedule.status === 'active' ? upcoming(schedule, '0000-00-00', 3) : [],
  };
}
