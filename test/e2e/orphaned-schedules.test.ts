/**
 * Issue 9 item 14, orphaned schedules: `customer rm --force` pauses the customer's schedules; resuming one
 * is refused (exit 2), so later runs never fail on it; a running orphan made by hand is named by `run` and
 * `verify`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
let id: string;
beforeEach(async () => {
  box = sandbox();
  await seedBusiness(box);
  id = (await box.ok(['recurring', 'add', '--customer', 'globex', '--item', 'Retainer {period}', '--price', '1000', '--every', 'month', '--day', '1', '--start', '2026-11-01'])).stdout.trim();
  await box.ok(['customer', 'rm', 'globex', '--force']);
});
afterEach(() => box.cleanup());

describe('a schedule whose customer was removed', () => {
  it('cannot be resumed: exit 2, one line, store unchanged; later runs pass', async () => {
    const before = readFileSync(box.store);
    const resumed = await box.run(['recurring', 'resume', id]);
    expect(resumed.code).toBe(2);
    expect(resumed.stdout).toBe('');
    expect(resumed.stderr).toBe(`smallpay: schedule ${id}: its customer 'globex' was removed, so it cannot be resumed; remove it with smallpay recurring rm ${id}, or add a schedule for another customer\n`);
    expect(readFileSync(box.store).equals(before)).toBe(true);
    const run = await box.run(['recurring', 'run', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ created: [], failed: [], skipped: [{ schedule: id, reason: 'paused' }] });
    await box.ok(['recurring', 'rm', id]);
  });

  it('when set running by hand, is named by recurring run (exit 1) and by verify', async () => {
    const doc = JSON.parse(readFileSync(box.store, 'utf8'));
    doc.recurring[0].status = 'active';
    writeFileSync(box.store, JSON.stringify(doc));
    const run = await box.run(['recurring', 'run', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).failed).toEqual([{ schedule: id, error: expect.stringContaining("customer 'globex' no longer exists") }]);
    const verify = await box.run(['verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(`FAILED  recurring\n        schedule ${id}: running, but its customer 'globex' was removed; smallpay recurring pause ${id}\n`);
  });
});
