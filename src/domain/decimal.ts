/**
 * Exact decimal numbers: value = coef / 10^scale, with a bigint coefficient. Quantities, unit prices and tax
 * rates are decimals; amounts of money are integers of minor units (see money.ts). No binary floating point
 * is involved anywhere, so 0.1 + 0.2 is 0.3 here.
 */
export interface Decimal {
  readonly coef: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/** Parses "10", "-0.5", "150.00"; anything else (exponents, commas, spaces inside) gives undefined. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  const magnitude = BigInt(whole + fraction);
  return { coef: sign === '-' ? -magnitude : magnitude, scale: fraction.length };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, scale: a.scale + b.scale };
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/**
 * numerator / denominator rounded half away from zero (denominator > 0):
 * 5/2 → 3, -5/2 → -3, 4/3 → 1, -4/3 → -1.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // takes the numerator's sign
  const doubled = (remainder < 0n ? -remainder : remainder) * 2n;
  if (doubled < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** The coefficient of `value` at `scale` decimal places, rounded half away from zero. */
export function roundToScale(value: Decimal, scale: number): bigint {
  if (value.scale <= scale) return value.coef * pow10(scale - value.scale);
  return divideRoundHalfAwayFromZero(value.coef, pow10(value.scale - scale));
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.coef * pow10(scale - a.scale);
  const right = b.coef * pow10(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** coef / 10^scale as text with exactly `scale` decimals: (12345n, 2) → "123.45", (-5n, 3) → "-0.005". */
export function formatScaled(coef: bigint, scale: number): string {
  const negative = coef < 0n;
  const digits = (negative ? -coef : coef).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const text = scale === 0 ? whole : `${whole}.${digits.slice(digits.length - scale)}`;
  return negative ? `-${text}` : text;
}

/** The shortest exact text: "10.50" → "10.5", "7.0" → "7", "-0" → "0". */
export function canonicalText(value: Decimal): string {
  let { coef, scale } = value;
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale -= 1;
  }
  return formatScaled(coef, scale);
}

/** Text with at least `minScale` decimals, more only where the value needs them: ("150", 2) → "150.00". */
export function textWithMinScale(value: Decimal, minScale: number): string {
  const canonical = parseDecimal(canonicalText(value)) as Decimal;
  const scale = Math.max(canonical.scale, minScale);
  return formatScaled(canonical.coef * pow10(scale - canonical.scale), scale);
}
