import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath } from '../../src/platform/safe-path.js';

// Issue 9 item 1: whatever a number or id from the store holds, its PDF stays in its folder.
describe('childPath', () => {
  const folder = join('/tmp', 'smallpay-out', 'pdf');

  it.each(['../elsewhere/pwned', '../../evil', '/etc/passwd', '..', '.', '', 'a/../../b', '..\\..\\x', '\x1b[2J', 'x\u202egnp.exe', 'INV/1', '%2E%2E'])('keeps %j inside the folder', (name) => {
    const path = childPath(folder, name, '.pdf');
    expect(dirname(resolve(path))).toBe(resolve(folder));
    expect(path.endsWith('.pdf')).toBe(true);
    expect(path.slice(folder.length + 1)).not.toMatch(/^\.|[/\\\x00-\x1f]/);
  });

  it('leaves ordinary invoice numbers and draft ids as they are, and keeps different names apart', () => {
    expect(childPath(folder, 'INV-2026-0001', '.pdf')).toBe(join(folder, 'INV-2026-0001.pdf'));
    expect(childPath(folder, 'inv_7k3m9x2q', '.pdf')).toBe(join(folder, 'inv_7k3m9x2q.pdf'));
    expect(childPath(folder, 'INV/1', '.pdf')).not.toBe(childPath(folder, 'INV%2F1', '.pdf'));
  });
});
