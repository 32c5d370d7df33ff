import { describe, expect, it } from 'vitest';
import { roffText, splitHelpAfter } from '../../src/render/man-page.js';

describe('roffText', () => {
  it('escapes what troff would read as its own: backslashes, minus signs, requests at a line start, non-ASCII', () => {
    expect(roffText('C:\\books')).toBe('C:\\ebooks');
    expect(roffText('--store <path>')).toBe('\\-\\-store <path>');
    expect(roffText('.hidden\n\'quoted\nplain .dot')).toBe("\\&.hidden\n\\&'quoted\nplain .dot");
    expect(roffText('Hafenstraße → Łódź')).toBe('Hafenstra\\[u00DF]e \\[u2192] \\[u0141]\\[u00F3]d\\[u017A]');
  });
});

describe('splitHelpAfter', () => {
  it('parts the text after --help into notes and examples', () => {
    const text = '\nItems: --item starts a line item.\n  --item "Design" --price 150\n\nExamples:\n  $ smallpay invoice new --customer globex\n  $ smallpay invoice list\n';
    expect(splitHelpAfter(text)).toEqual({
      notes: ['Items: --item starts a line item.\n  --item "Design" --price 150'],
      examples: ['smallpay invoice new --customer globex', 'smallpay invoice list'],
    });
  });
});
