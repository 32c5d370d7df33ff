/**
 * Subject and bodies of the messages, per language: templates/mail/<lang>.json (en, de, fr, es), with
 * {placeholders} filled from already formatted values. Values are escaped in the HTML body, and the
 * subject is kept to one line, so no name or number can inject a header or markup.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { SendKind } from '../domain/types.js';
import { packagePath } from '../platform/package-root.js';

export interface MailText {
  subject: string;
  text: string;
  html: string;
}

/** What a message is: an invoice, a reminder, or a credit note (sent as kind 'invoice' of a credit-note document). */
export type MailKind = SendKind | 'creditNote';

export type MailTemplates = Record<SendKind, MailText> & Partial<Record<'creditNote', MailText>>;

export interface MailValues {
  number: string;
  customer: string;
  business: string;
  total: string;
  balance: string;
  issueDate: string;
  dueDate: string;
  daysOverdue: string;
  /** Credit notes: the number of the invoice corrected. */
  correctedNumber?: string;
}

let catalog: Map<string, MailTemplates> | undefined;

export function mailTemplates(): Map<string, MailTemplates> {
  if (catalog) return catalog;
  const folder = packagePath('templates', 'mail');
  catalog = new Map();
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.json'))) {
    catalog.set(name.slice(0, -'.json'.length), JSON.parse(readFileSync(`${folder}/${name}`, 'utf8')) as MailTemplates);
  }
  return catalog;
}

/** The language of a message: the first of the candidates with templates, else English. */
export function mailLanguage(candidates: readonly (string | undefined)[]): string {
  const known = mailTemplates();
  return candidates.find((lang): lang is string => lang !== undefined && known.has(lang)) ?? 'en';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function fill(template: string, values: MailValues, escape: (text: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key as keyof MailValues];
    return value === undefined ? whole : escape(value);
  });
}

export function composeMailText(kind: MailKind, lang: string, values: MailValues): MailText {
  const templates = mailTemplates().get(lang) ?? (mailTemplates().get('en') as MailTemplates);
  // A language file from before credit notes falls back to the English credit-note text.
  const template = templates[kind] ?? (mailTemplates().get('en') as MailTemplates)[kind] ?? templates.invoice;
  return {
    subject: fill(template.subject, values, (text) => text).replace(/[\r\n\t]+/g, ' ').trim(),
    text: fill(template.text, values, (text) => text),
    html: fill(template.html, values, (text) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string)),
  };
}
