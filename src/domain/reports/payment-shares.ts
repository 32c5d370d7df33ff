/**
 * Cash accounting ("Ist-Versteuerung"): how much of each payment and refund is net and VAT at each
 * (category, rate) of the invoice it settles. The shares of an invoice's payments add up EXACTLY to its
 * net and VAT per rate once it is paid, whatever the number and size of the payments. The rule:
 *
 * 1. Cumulative allocation. The running total paid (payments less refunds, in date order; on one day
 *    payments before refunds) is split over the invoice's breakdown — the components net and VAT of every
 *    group, in the order of the invoice's VAT breakdown — and a payment counts the split of the running
 *    total after it minus the split already counted before it. A refund lowers the running total, so it
 *    counts negative shares.
 * 2. The split of an amount P over components c₁…cₙ with total T = Σcᵢ > 0 is the largest-remainder
 *    (Hamilton) rule in integers: each share is ⌊cᵢ·P / T⌋; the R = P − Σ⌊…⌋ minor units left over go one
 *    each to the components with the largest remainders cᵢ·P mod T (ties: the earlier component). The
 *    shares add up to P exactly, and at P = T every share is exactly cᵢ.
 * 3. Credit notes change the breakdown, not the cash: a payment is split over the invoice's breakdown less
 *    the credit notes issued on or before its date. When that leaves nothing to pay (a fully credited
 *    invoice), the invoice's own breakdown is used, so that a refund takes back the rates it was paid at.
 *
 * Worked example: 1,000.00 at S 19 % (VAT 190.00) and 100.00 at S 7 % (VAT 7.00), total 1,297.00, paid
 * 500.00 then 797.00. Components 1000.00, 190.00, 100.00, 7.00; for P = 500.00 (cents: ×50000 / 129700):
 *   38550.501…, 7324.595…, 3855.050…, 269.853… → floors 38550, 7324, 3855, 269 = 49998, 2 cents left:
 *   to the largest remainders .853 (7 % VAT) and .595 (19 % VAT) → 385.50, 73.25, 38.55, 2.70 = 500.00.
 *   (Rounding each on its own gives 385.51 + 73.25 + 38.55 + 2.70 = 500.01: a cent that was never paid.)
 * The second payment brings P to 1,297.00, whose split is the breakdown itself; it counts the rest:
 *   614.50, 116.75, 61.45, 4.30.
 */
import { groupOf } from '../credit-notes.js';
import type { Invoice, VatCategory } from '../types.js';

/** Net and VAT of one (category, rate) group, in minor units. */
export interface VatAmounts {
  category: VatCategory;
  rate: string;
  net: number;
  tax: number;
}

/** A payment (positive) or refund (negative) of an invoice, and the net and VAT per group it counts. */
export interface CashShare {
  kind: 'payment' | 'refund';
  date: string;
  amount: number;
  groups: VatAmounts[];
}

/** The document's VAT breakdown by group key ("S 19"), in its order. Keys repeat only in a damaged store: they add. */
export function groupsOf(document: Pick<Invoice, 'taxes'>): Map<string, VatAmounts> {
  const groups = new Map<string, VatAmounts>();
  for (const line of document.taxes) {
    const { key, category } = groupOf(line);
    const group = groups.get(key);
    if (group) {
      group.net += line.base;
      group.tax += line.tax;
    } else groups.set(key, { category, rate: line.rate, net: line.base, tax: line.tax });
  }
  return groups;
}

/**
 * ⌊part × amount / total⌋ and its remainder in [0, total): in plain numbers while every intermediate is an
 * exact integer (below 2^53: product and total at most 2^52; the quotient is corrected by its remainder, so
 * float rounding of the division cannot move it), else in bigint.
 */
const EXACT = 2 ** 52;
function floorShare(part: number, amount: number, total: number): [number, number] {
  const product = part * amount;
  if (Math.abs(product) <= EXACT && total <= EXACT) {
    let quotient = Math.floor(product / total);
    let remainder = product - quotient * total;
    if (remainder < 0) {
      quotient -= 1;
      remainder += total;
    } else if (remainder >= total) {
      quotient += 1;
      remainder -= total;
    }
    return [quotient, remainder];
  }
  const big = BigInt(part) * BigInt(amount);
  const divisor = BigInt(total);
  let quotient = big / divisor;
  if (big % divisor !== 0n && big < 0n) quotient -= 1n;
  return [Number(quotient), Number(big - quotient * divisor)];
}

/**
 * Splits `amount` over `parts` in proportion, by the largest-remainder rule (header, 2): the shares add up to
 * `amount`, and equal `parts` when `amount` is their total. The parts must total more than 0.
 */
export function allocate(parts: readonly number[], amount: number): number[] {
  let total = 0;
  for (const part of parts) total += part;
  if (!(total > 0)) throw new RangeError('allocate: the parts must total more than 0');
  const shares: number[] = [];
  const remainders: number[] = [];
  let left = amount;
  for (const part of parts) {
    const [share, remainder] = floorShare(part, amount, total);
    shares.push(share);
    remainders.push(remainder);
    left -= share;
  }
  // 0 ≤ left < parts.length, as the remainders over `total` add up to it.
  if (left > 0) {
    const order = parts.map((_, index) => index).sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
    for (let k = 0; k < left; k += 1) shares[order[k] as number] = (shares[order[k] as number] as number) + 1;
  }
  return shares;
}

/**
 * Every payment and refund of `invoice`, in the order counted, with its shares (header). `creditNotes` are
 * the issued credit notes that correct it (credit-notes.ts `creditNotesOf`).
 */
export function cashShares(invoice: Invoice, creditNotes: readonly Invoice[]): CashShare[] {
  const own = groupsOf(invoice);
  const notes = creditNotes.map((note) => ({ date: note.issueDate, groups: groupsOf(note) }));
  // Every group the invoice or its credit notes name, the invoice's first, so component order is fixed.
  const keys = [...own.keys()];
  for (const note of notes) for (const key of note.groups.keys()) if (!keys.includes(key)) keys.push(key);
  const meta = keys.map((key) => (own.get(key) ?? notes.find((note) => note.groups.has(key))?.groups.get(key)) as VatAmounts);
  /** Net and VAT of every group of the invoice less the credit notes given, in the order of `keys`. */
  const componentsOf = (less: readonly { groups: Map<string, VatAmounts> }[]) => {
    const components: number[] = [];
    for (const key of keys) {
      const amounts = own.get(key);
      let net = amounts?.net ?? 0;
      let tax = amounts?.tax ?? 0;
      for (const note of less) {
        const credited = note.groups.get(key);
        if (credited) {
          net -= credited.net;
          tax -= credited.tax;
        }
      }
      components.push(net, tax);
    }
    return components;
  };
  const sum = (components: readonly number[]) => components.reduce((total, part) => total + part, 0);
  const ownComponents = componentsOf([]);
  const ownBasis = sum(ownComponents) > 0 ? ownComponents : undefined;

  const events = [
    ...invoice.payments.map((payment) => ({ kind: 'payment' as const, date: payment.date, amount: payment.amount })),
    ...(invoice.refunds ?? []).map((refund) => ({ kind: 'refund' as const, date: refund.date, amount: -refund.amount })),
  ];
  // A stable sort: by date, payments before refunds on one day (a refund never exceeds what was paid).
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === b.kind ? 0 : a.kind === 'payment' ? -1 : 1));

  let counted: number[] = ownComponents.map(() => 0);
  let paid = 0;
  return events.map((event) => {
    paid += event.amount;
    const inForce = notes.length === 0 ? notes : notes.filter((note) => note.date <= event.date);
    const left = inForce.length === 0 ? ownComponents : componentsOf(inForce);
    const basis = sum(left) > 0 ? left : ownBasis;
    // An invoice whose breakdown totals nothing has no cash to split (it cannot be paid).
    const target = basis === undefined ? counted : allocate(basis, paid);
    const groups = meta.map((group, index) => ({
      category: group.category,
      rate: group.rate,
      net: (target[2 * index] as number) - (counted[2 * index] as number),
      tax: (target[2 * index + 1] as number) - (counted[2 * index + 1] as number),
    }));
    counted = target;
    return { kind: event.kind, date: event.date, amount: event.amount, groups };
  });
}
