/**
 * The small vocabulary the CII writer is built from: namespaces of UN/CEFACT D16B, one function that appends
 * an element in the namespace its prefix names, and the value forms CII uses (dates as format 102, amounts as
 * the exact decimal of money-format.ts, indicators). Keeping these here leaves cii.ts to say *what* is written.
 */
import type { create } from 'xmlbuilder2';
import { formatAmount } from '../../domain/money-format.js';

/** A node of the document being built (xmlbuilder2 exports no name for it). */
export type XMLBuilder = ReturnType<typeof create>;

export const CII_NAMESPACES = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
} as const;

type Prefix = keyof typeof CII_NAMESPACES;

/**
 * Appends `<prefix:name>` with optional text and attributes and returns it. An element whose text is undefined
 * is still written when it has no text argument at all (a container); `optional` skips absent values.
 */
export function element(parent: XMLBuilder, qualifiedName: `${Prefix}:${string}`, text?: string, attributes?: Record<string, string>): XMLBuilder {
  const prefix = qualifiedName.slice(0, qualifiedName.indexOf(':')) as Prefix;
  const child = parent.ele(CII_NAMESPACES[prefix], qualifiedName, attributes);
  if (text !== undefined) child.txt(text);
  return child;
}

/** Appends the element only when there is a value (an optional business term). */
export function optional(parent: XMLBuilder, qualifiedName: `${Prefix}:${string}`, text: string | undefined, attributes?: Record<string, string>): void {
  if (text !== undefined && text !== '') element(parent, qualifiedName, text, attributes);
}

/** "2026-03-01" → the CII date form: `<udt:DateTimeString format="102">20260301</udt:DateTimeString>`. */
export function dateTime(parent: XMLBuilder, qualifiedName: `${Prefix}:${string}`, isoDate: string, type: 'udt' | 'qdt' = 'udt'): void {
  const holder = element(parent, qualifiedName);
  element(holder, `${type}:DateTimeString`, isoDate.replaceAll('-', ''), { format: '102' });
}

/** Minor units → the exact decimal text (the one formatter). */
export const amount = (minor: number, currency: string): string => formatAmount(minor, currency);

export function indicator(parent: XMLBuilder, isCharge: boolean): void {
  element(element(parent, 'ram:ChargeIndicator'), 'udt:Indicator', isCharge ? 'true' : 'false');
}
