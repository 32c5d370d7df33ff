import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type Sandbox, baseEnv, sandbox, seedBusiness } from '../support/cli.js';

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  await seedBusiness(box);
  for (let i = 0; i < 29; i += 1) await box.ok(['invoice', 'new', '--customer', 'globex', '--item', `Work ${i}`, '--price', '10', '--date', '2026-10-01']);
  // One long invoice, so that a list is larger than a pipe's buffer.
  const items = Array.from({ length: 1000 }, (_, i) => ({ description: `Line ${i} of a long invoice`, quantity: '1', unitPrice: '1.00' }));
  await box.ok(['invoice', 'new', '--input', '-', '--date', '2026-10-01'], { input: JSON.stringify({ customer: 'globex', items }) });
});
afterAll(() => box.cleanup());

describe('output for scripts', () => {
  it('writes exactly one JSON document to stdout and messages to stderr', async () => {
    const result = await box.ok(['invoice', 'new', '--customer', 'globex', '--item', 'x', '--price', '1', '--json']);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toMatch(/^Issued INV-2026-0031/);
  });

  it('colours only when asked, and NO_COLOR wins', async () => {
    expect((await box.ok(['invoice', 'list'])).stdout).not.toContain('\u001b[');
    expect((await box.ok(['invoice', 'list'], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31m');
    expect((await box.ok(['invoice', 'list'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await box.ok(['--no-color', 'invoice', 'list'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('stops quietly when the reader of a pipe goes away', async () => {
    const child = spawn(process.execPath, [BIN, 'invoice', 'list', '--json'], { env: { ...baseEnv(box.home), SMALLPAY_STORE: box.store }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let received = 0;
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(100_000); // the reader left before the end
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
