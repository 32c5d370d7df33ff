import { describe, expect, it } from 'vitest';
import { type RunIdentity, claimIsLive, claimRetryableJobs, planSend } from '../../src/domain/outbox.js';
import { applyPayment } from '../../src/domain/invoice-settlement.js';
import { createInvoice } from '../../src/domain/invoices.js';
import { nextId, sampleDocument } from './fixtures.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const run = (overrides: Partial<RunIdentity> = {}): RunIdentity => ({ pid: 100, host: 'box', token: 'this-run', now: NOW, isAlive: () => true, ...overrides });

describe('claims', () => {
  it('are live for their own run, a live process, or a recent one from elsewhere', () => {
    expect(claimIsLive(undefined, run())).toBe(false);
    expect(claimIsLive({ pid: 100, host: 'box', at: NOW, token: 'this-run' }, run())).toBe(true);
    expect(claimIsLive({ pid: 200, host: 'box', at: NOW - 1000, token: 'other' }, run())).toBe(true);
    expect(claimIsLive({ pid: 200, host: 'box', at: NOW - 1000, token: 'other' }, run({ isAlive: () => false }))).toBe(false);
    expect(claimIsLive({ pid: 200, host: 'box', at: NOW - 25 * 3600_000, token: 'other' }, run())).toBe(false);
    expect(claimIsLive({ pid: 7, host: 'elsewhere', at: NOW - 10 * 60_000 }, run())).toBe(true);
    expect(claimIsLive({ pid: 7, host: 'elsewhere', at: NOW - 2 * 3600_000 }, run())).toBe(false);
  });

  it('of a run that had our process id (pid 1 in containers) but another token are dead', () => {
    expect(claimIsLive({ pid: 1, host: 'box', at: NOW - 3 * 86_400_000, token: 'old-run' }, run({ pid: 1 }))).toBe(false);
    expect(claimIsLive({ pid: 1, host: 'box', at: NOW - 60_000, token: 'old-run' }, run({ pid: 1 }))).toBe(false);
  });
});

describe('taking up waiting messages', () => {
  function reminderLeftPending() {
    const doc = sampleDocument();
    const invoice = createInvoice(doc, { customer: 'globex', items: [{ description: 'x', unitPrice: '100' }], issueDate: '2026-09-01' }, { today: '2026-09-01', id: nextId() });
    const plan = planSend(
      doc,
      invoice,
      { kind: 'reminder', resend: false, recipients: { to: ['ap@globex.test'], cc: [], bcc: [] }, today: '2026-11-25', everyDays: 7, newJobId: () => 'msg_1', messageDomain: 'example.com' },
      run({ token: 'dead-run', pid: 5, isAlive: () => false }),
    );
    expect('job' in plan).toBe(true);
    return { doc, invoice };
  }

  it('cancels a reminder whose invoice was paid meanwhile, instead of sending it', () => {
    const { doc, invoice } = reminderLeftPending();
    applyPayment(invoice, { date: '2026-11-25' }, '2026-11-25');
    expect(claimRetryableJobs(doc, run({ isAlive: () => false }), true, '2026-11-25')).toEqual([]);
    expect(doc.outbox[0]).toMatchObject({ state: 'cancelled', lastError: 'not sent: the invoice was paid' });
  });

  it('claims it again while it is still true', () => {
    const { doc } = reminderLeftPending();
    expect(claimRetryableJobs(doc, run({ isAlive: () => false }), true, '2026-11-25').map((job) => job.id)).toEqual(['msg_1']);
    expect(doc.outbox[0]?.claim).toMatchObject({ token: 'this-run' });
  });
});
