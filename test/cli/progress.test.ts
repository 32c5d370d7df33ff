import { describe, expect, it } from 'vitest';
import { startProgress } from '../../src/cli/progress.js';
import { createTestDeps } from '../support/test-deps.js';

describe('the progress bar', () => {
  it('draws on the injected stderr, never on process.stderr', async () => {
    const { deps, stderr, cleanup } = createTestDeps({ tty: true });
    const written: unknown[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: unknown) => written.push(chunk) > 0) as typeof process.stderr.write;
    try {
      const progress = await startProgress(deps.io, 3, 'Send');
      progress.tick('INV-2026-0001');
      progress.stop();
    } finally {
      process.stderr.write = original;
      cleanup();
    }
    expect(stderr()).toContain('Send [');
    expect(written).toEqual([]);
  });

  it('draws nothing when stderr is not a terminal', async () => {
    const { deps, stderr, cleanup } = createTestDeps({ tty: false });
    const progress = await startProgress(deps.io, 3, 'Send');
    progress.tick();
    progress.stop();
    cleanup();
    expect(stderr()).toBe('');
  });
});
