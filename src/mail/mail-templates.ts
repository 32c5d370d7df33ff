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

export type MailTemplates = Record<SendKind, MailText>;

export interface MailValues {
  number: string;
  customer: string;
  business: string;
  total: string;
  balance: string;
  issueDate: string;
  dueDate: string;
  daysOverdue: string;
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
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? escape(values[key as keyof MailValues]) : whole));
}

export function composeMailText(kind: SendKind, lang: string, values: MailValues): MailText {
  const templates = mailTemplates().get(lang) ?? (mailTemplates().get('en') as MailTemplates);
  const template = templates[kind];
  return {
    subject: fill(template.subject, values, (text) => text).replace(/[\r\n\t]+/g, ' ').trim(),
    text: fill(template.text, values, (text) => text),
    html: fill(template.html, values, (text) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string)),
  };
}
