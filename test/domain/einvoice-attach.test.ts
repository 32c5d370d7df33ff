import { describe, expect, it } from 'vitest';
import { parseAttachFormats } from '../../src/domain/einvoice-attach.js';
import { changeSetting, createBusiness } from '../../src/domain/business.js';

describe('parseAttachFormats (send --attach, mail.attach)', () => {
  it.each([
    ['cii', ['cii']],
    [' XRechnung , facturx ', ['xrechnung', 'facturx']],
    ['ubl,ubl,peppol', ['ubl', 'peppol']],
    ['', []],
  ])('%j → %j', (text, formats) => {
    expect(parseAttachFormats(text, 'mail.attach')).toEqual(formats);
  });

  it('names the field and the known formats for an unknown one', () => {
    expect(() => parseAttachFormats('cii,pdf', 'mail.attach')).toThrow("mail.attach: 'pdf' is not one of ubl, peppol, xrechnung, cii, xrechnung-cii, facturx");
  });

  it('config set mail.attach stores the checked list; pdf.facturx takes true or false', () => {
    const business = createBusiness({ name: 'Ada', email: 'ada@example.com' });
    changeSetting(business, 'mail.attach', 'CII, facturx');
    expect(business.mail?.attach).toBe('cii,facturx');
    changeSetting(business, 'pdf.facturx', 'true');
    expect(business.pdf?.facturx).toBe(true);
    expect(() => changeSetting(business, 'pdf.facturx', 'sometimes')).toThrow(/pdf\.facturx/);
  });
});
