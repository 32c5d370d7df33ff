import { describe, expect, it } from 'vitest';
import { balanceOf, isOverdue, statusForPaid } from '../../src/domain/status.js';
import type { InvoiceStatus } from '../../src/domain/types.js';

describe('status', () => {
  it.each<[InvoiceStatus, string, boolean]>([
    ['open', '2026-11-24', true],
    ['open', '2026-11-25', false], // due today is not yet overdue
    ['open', '2026-11-26', false],
    ['partial', '2026-10-01', true],
    ['paid', '2026-10-01', false],
    ['void', '2026-10-01', false],
    ['draft', '2026-10-01', false],
  ])('%s invoice due %s is overdue on 2026-11-25: %s', (status, dueDate, expected) => {
    expect(isOverdue({ status, dueDate }, '2026-11-25')).toBe(expected);
  });

  it('derives the status from payments', () => {
    expect(statusForPaid(1000, 0)).toBe('open');
    expect(statusForPaid(1000, 1)).toBe('partial');
    expect(statusForPaid(1000, 1000)).toBe('paid');
    expect(statusForPaid(0, 0)).toBe('paid');
  });

  it('has nothing due on void invoices', () => {
    expect(balanceOf({ status: 'void', total: 1000, paid: 0 })).toBe(0);
    expect(balanceOf({ status: 'partial', total: 1000, paid: 400 })).toBe(600);
  });
});
