/**
 * EN 16931's VAT categories (UNTDID 5305 subset, BT-151/95/102/118) and how a line gets one.
 *   S  standard rate (rate > 0)      Z  zero rated (0)       E  exempt (0)
 *   AE reverse charge (0)            K  intra-community supply (0)
 *   G  export outside the EU (0)     O  outside the scope of VAT (no rate; stored "0"; never mixed)
 * A line says its category, or takes one from defaultCategory: the business's small-business setting first
 * (every line O, or E), then the customer's treatment, then the rate (S above 0, else Z).
 * E, AE, K, G and O carry an exemption reason (BT-120/121); without one given, defaultExemptionReason gives
 * the standard text in the invoice's language (BR-AE-10 and the like accept "the equivalent standard text
 * in another language").
 */
import { type Decimal, parseDecimal } from './decimal.js';
import { invalid } from './errors.js';
import type { Business, Customer, VatCategory, VatTreatment } from './types.js';

export const VAT_CATEGORIES: readonly VatCategory[] = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'];

/** Categories that carry an exemption reason (and tax nothing). */
export const EXEMPT_CATEGORIES: ReadonlySet<VatCategory> = new Set(['E', 'AE', 'K', 'G', 'O']);

export function isVatCategory(value: string): value is VatCategory {
  return (VAT_CATEGORIES as readonly string[]).includes(value);
}

/** "ae" → "AE"; anything but a category of the list is refused naming the field. */
export function parseVatCategory(input: string, field: string): VatCategory {
  const code = input.trim().toUpperCase();
  if (!isVatCategory(code)) throw invalid(`${field}: '${input}' is not a VAT category (S, Z, E, AE, K, G or O)`);
  return code;
}

/** Where a line's category comes from when it gives none. */
export interface CategoryDefaults {
  /** The customer's default treatment. */
  treatment?: VatTreatment;
  /** The business is a small business exempt from VAT: its lines are this category (O, or E). */
  smallBusiness?: 'O' | 'E';
}

const TREATMENT_CATEGORY: Record<Exclude<VatTreatment, 'standard'>, VatCategory> = {
  'reverse-charge': 'AE',
  'intra-community': 'K',
  export: 'G',
  exempt: 'E',
};

/**
 * The category of a line that names none. `rate` is the line's rate when given, as a Decimal or text (a rate above 0 makes S
 * under the standard treatment); a rate that does not fit the category is left for vatRuleProblems to
 * refuse, never silently changed.
 */
export function defaultCategory({ rate, treatment, smallBusiness }: CategoryDefaults & { rate?: Decimal | string }): VatCategory {
  if (smallBusiness !== undefined) return smallBusiness;
  if (treatment !== undefined && treatment !== 'standard') return TREATMENT_CATEGORY[treatment];
  const value = typeof rate === 'string' ? parseDecimal(rate) : rate;
  return value !== undefined && value.coef > 0n ? 'S' : 'Z';
}

/** The defaults for a new invoice of `business` to `customer`. */
export function categoryDefaultsFor(business: Pick<Business, 'vat'>, customer: Pick<Customer, 'vatTreatment'>): CategoryDefaults {
  return {
    ...(customer.vatTreatment !== undefined && { treatment: customer.vatTreatment }),
    ...(business.vat?.smallBusiness === true && { smallBusiness: business.vat.smallBusinessCategory ?? 'O' }),
  };
}

const VATEX = /^VATEX-[A-Z]{2}-[A-Z0-9-]{1,40}$/;

/** A VATEX code (CEF VATEX list, BT-121) as typed: "vatex-eu-ae" → "VATEX-EU-AE"; the shape is checked, not the list. */
export function parseExemptionCode(input: string, field: string): string {
  const code = input.trim().toUpperCase();
  if (!VATEX.test(code)) throw invalid(`${field}: '${input}' is not a VATEX code (e.g. VATEX-EU-AE, VATEX-EU-IC, VATEX-EU-G, VATEX-EU-O)`);
  return code;
}

type Language = 'en' | 'de' | 'fr' | 'es';

const EXEMPTION_TEXTS: Record<Exclude<VatCategory, 'S' | 'Z'>, Record<Language, string>> = {
  AE: {
    en: 'Reverse charge',
    de: 'Steuerschuldnerschaft des Leistungsempfängers',
    fr: 'Autoliquidation',
    es: 'Inversión del sujeto pasivo',
  },
  K: {
    en: 'Intra-community supply, exempt from VAT',
    de: 'Steuerfreie innergemeinschaftliche Lieferung',
    fr: 'Exonération de TVA, livraison intracommunautaire',
    es: 'Entrega intracomunitaria exenta de IVA',
  },
  G: {
    en: 'Export outside the EU, exempt from VAT',
    de: 'Steuerfreie Ausfuhrlieferung',
    fr: 'Exonération de TVA, exportation hors UE',
    es: 'Exportación fuera de la UE exenta de IVA',
  },
  E: {
    en: 'Exempt from VAT',
    de: 'Steuerbefreit',
    fr: 'Exonéré de TVA',
    es: 'Exento de IVA',
  },
  O: {
    en: 'Not subject to VAT',
    de: 'Nicht steuerbar',
    fr: 'Non soumis à la TVA',
    es: 'No sujeto a IVA',
  },
};

/** The legal note of a small business, by the seller's country (the law is the seller's, the words the reader's). */
const SMALL_BUSINESS_TEXTS: Record<string, Record<Language, string>> = {
  DE: {
    en: 'No VAT is charged: small business under § 19 UStG',
    de: 'Gemäß § 19 UStG wird keine Umsatzsteuer berechnet.',
    fr: 'TVA non facturée : petite entreprise selon le § 19 UStG',
    es: 'Sin IVA: pequeña empresa según el § 19 UStG',
  },
  FR: {
    en: 'VAT not applicable, art. 293 B of the CGI',
    de: 'Keine Umsatzsteuer gemäß Art. 293 B CGI',
    fr: 'TVA non applicable, art. 293 B du CGI',
    es: 'IVA no aplicable, art. 293 B del CGI',
  },
  AT: {
    en: 'VAT exempt small business under § 6 (1) 27 UStG',
    de: 'Umsatzsteuerbefreit – Kleinunternehmer gemäß § 6 Abs. 1 Z 27 UStG',
    fr: 'Petite entreprise exonérée de TVA selon le § 6 (1) 27 UStG',
    es: 'Pequeña empresa exenta de IVA según el § 6 (1) 27 UStG',
  },
  '': {
    en: 'No VAT is charged: small business exemption',
    de: 'Keine Umsatzsteuer: Kleinunternehmerregelung',
    fr: 'TVA non applicable : franchise en base',
    es: 'Sin IVA: régimen de franquicia para pequeñas empresas',
  },
};

function languageOf(lang: string | undefined): Language {
  const base = (lang ?? 'en').slice(0, 2).toLowerCase();
  return base === 'de' || base === 'fr' || base === 'es' ? base : 'en';
}

/**
 * The standard exemption text of a category in a language (en, de, fr, es; English otherwise), or
 * undefined for S and Z, which carry none (BR-S-10, BR-Z-10). A small business gets its legal note instead.
 */
export function defaultExemptionReason(category: VatCategory, lang: string | undefined, smallBusiness?: { sellerCountry?: string }): string | undefined {
  if (category === 'S' || category === 'Z') return undefined;
  const language = languageOf(lang);
  if (smallBusiness !== undefined && (category === 'O' || category === 'E')) {
    const texts = SMALL_BUSINESS_TEXTS[smallBusiness.sellerCountry?.toUpperCase() ?? ''] ?? SMALL_BUSINESS_TEXTS[''];
    return texts?.[language];
  }
  return EXEMPTION_TEXTS[category][language];
}
