import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { sandbox } from '../support/cli.js';

const box = sandbox();
afterAll(() => box.cleanup());

const COMMANDS = [
  'init',
  'config show',
  'config set',
  'config unset',
  'customer add',
  'customer list',
  'customer show',
  'customer edit',
  'customer rm',
  'invoice new',
  'invoice list',
  'invoice show',
  'invoice edit',
  'invoice pay',
  'invoice void',
  'invoice issue',
  'invoice delete',
  'invoice pdf',
  'send',
  'outbox list',
  'outbox retry',
  'report dashboard',
  'report aging',
  'report customers',
  'report forecast',
  'report statement',
  'recurring add',
  'recurring list',
  'recurring show',
  'recurring pause',
  'recurring resume',
  'recurring rm',
  'recurring edit',
  'recurring run',
  'verify',
  'audit',
  'store copy',
  'demo',
  'completion',
];

describe('help and version', () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const result = await box.ok(['--version']);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it.each(COMMANDS)('smallpay %s --help has a summary and an example', async (command) => {
    const result = await box.ok([...command.split(' '), '--help']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Usage: smallpay ${command}[| ]`));
    const summary = result.stdout.split('\n')[2] ?? '';
    expect(summary.trim().length).toBeGreaterThan(10);
    expect(result.stdout).toMatch(new RegExp(`Examples:\\n  \\$ smallpay .*${command.split(' ').at(-1)}`));
  });

  it.each(['', 'customer', 'invoice', 'config', 'outbox', 'report', 'recurring', 'store'])('lists the commands of %j, with examples', async (group) => {
    const result = await box.ok([...(group ? [group] : []), '--help']);
    expect(result.stdout).toMatch(/Commands:/);
    expect(result.stdout).toMatch(new RegExp(`\\nExamples:\\n  \\$ smallpay ${group}`));
  });

  it('says in one line what is missing when a group is named without its verb', async () => {
    const result = await box.run(['invoice']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("smallpay: say what to do with 'invoice'; smallpay invoice --help lists the commands\n");
  });

  it('shows the overview for a bare smallpay', async () => {
    const result = await box.ok([]);
    expect(result.stdout).toMatch(/^Usage: smallpay \[options\] \[command\]/);
    expect(result.stderr).toBe('');
  });
});
