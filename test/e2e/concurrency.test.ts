import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
});
afterAll(() => box.cleanup());

describe('many processes at once', () => {
  it('8 processes creating 10 invoices each: every invoice stored, numbers unique and gapless', async () => {
    const writers = Array.from({ length: 8 }, async (_, writer) => {
      const numbers: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const result = await box.run(['invoice', 'new', '--customer', 'globex', '--item', `writer ${writer} invoice ${i}`, '--price', `${writer + 1}.${i}0`]);
        expect(result.stderr).toMatch(/^Issued INV-2026-\d{4} /);
        expect(result.code).toBe(0);
        numbers.push(result.stdout.trim());
      }
      return numbers;
    });
    const reported = (await Promise.all(writers)).flat();
    const stored = JSON.parse((await box.ok(['invoice', 'list', '--json'])).stdout) as { number: string; items: { description: string }[] }[];

    expect(stored).toHaveLength(80);
    expect(new Set(reported).size).toBe(80);
    expect(stored.map((invoice) => invoice.number).sort()).toEqual(Array.from({ length: 80 }, (_, i) => `INV-2026-${String(i + 1).padStart(4, '0')}`));
    expect([...reported].sort()).toEqual(stored.map((invoice) => invoice.number).sort());
    const descriptions = new Set(stored.map((invoice) => invoice.items[0]?.description));
    for (let writer = 0; writer < 8; writer += 1) for (let i = 0; i < 10; i += 1) expect(descriptions.has(`writer ${writer} invoice ${i}`)).toBe(true);
  });
});
