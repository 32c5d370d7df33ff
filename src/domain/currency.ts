// ISO 4217 active currency codes and their number of minor digits (the "exponent" in the standard).
// Most currencies have 2; listed here are the exceptions, so the table stays short and checkable.
const ZERO_DIGITS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DIGITS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DIGITS = 'CLF UYW';
const TWO_DIGITS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD CDF ' +
  'CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD ' +
  'HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT ' +
  'MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR ' +
  'SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU ' +
  'UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';

const MINOR_DIGITS = new Map<string, number>();
for (const [codes, digits] of [[TWO_DIGITS, 2], [ZERO_DIGITS, 0], [THREE_DIGITS, 3], [FOUR_DIGITS, 4]] as const) {
  for (const code of codes.split(' ')) MINOR_DIGITS.set(code, digits);
}

export function isCurrencyCode(code: string): boolean {
  return MINOR_DIGITS.has(code);
}

/** Number of digits after the decimal point for a currency: JPY 0, EUR 2, KWD 3. */
export function minorDigits(currency: string): number {
  const digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) throw new RangeError(`unknown currency ${currency}`);
  return digits;
}
