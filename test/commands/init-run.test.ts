import { afterEach, describe, expect, it } from 'vitest';
import { run, toOptions } from '../../src/commands/init/init.js';
import { createTestDeps } from '../support/test-deps.js';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('init on a terminal', () => {
  it('asks for the name, email and country, re-asking for a country code that does not exist', async () => {
    const setup = createTestDeps({ tty: true, answers: ['Ada Consulting', 'ada@example.com', 'XX', 'de'] });
    cleanup = setup.cleanup;
    await run(toOptions({ args: [], opts: {} }), setup.deps);
    expect(setup.questions).toEqual(['Business name', 'Business email', 'Country (ISO 3166 code, e.g. DE, FR, US)', 'Country (ISO 3166 code, e.g. DE, FR, US)']);
    expect(setup.refusals).toEqual(["'XX' is not an ISO 3166-1 alpha-2 country code (e.g. DE, FR, US)"]);
    expect((await setup.store.read()).business?.postalAddress).toEqual({ lines: [], country: 'DE' });
  });

  it('does not ask for a country given as a flag', async () => {
    const setup = createTestDeps({ tty: true, answers: ['Ada Consulting', 'ada@example.com'] });
    cleanup = setup.cleanup;
    await run(toOptions({ args: [], opts: { country: 'FR' } }), setup.deps);
    expect(setup.questions).toEqual(['Business name', 'Business email']);
  });
});
