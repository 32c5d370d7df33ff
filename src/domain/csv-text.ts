/**
 * CSV text both ways: the formula guard that every CSV SmallPay writes carries, its exact inverse, and a
 * small RFC 4180 reader for the files `smallpay import` takes. Pure: text in, text out.
 *
 * Formula neutralising (OWASP "CSV injection"): a spreadsheet runs a cell that begins with =, +, -, @, a tab
 * or a carriage return as a formula. A field is a cell, but so is every piece of it after a `;` or a tab when
 * the file is opened with those as separators (a German Excel splits on `;`), and after a `,` when a quoted
 * field is split by a tool that ignores quotes. So an apostrophe goes before each such piece when it begins
 * (after spaces or apostrophes) with one of those characters (spaces between do not help: some import trims them):
 *   =HYPERLINK(…)      → '=HYPERLINK(…)
 *   Globex;=cmd|' /C   → Globex;'=cmd|' /C
 *   a,+1               → "a,'+1"
 *   '=x                → ''=x        (an apostrophe already there gets one more, so the guard can be undone)
 * A plain number ("-12.50") is left alone: it is a number to every spreadsheet, never a formula.
 * `restoreFormulas` removes exactly the apostrophes `neutraliseFormulas` added, so an export read back by
 * `smallpay import` gives the stored text byte for byte: a piece that gets the apostrophe matches
 * `'* *[=+-@\t\r]`, and only a piece matching `''* *[=+-@\t\r]` loses one, which an unguarded piece never does.
 */

const PIECE = /(?<=[,;\t])/;
const DANGEROUS = /^'* *[=+\-@\t\r]/;
const GUARDED = /^''* *[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function neutraliseFormulas(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return text
    .split(PIECE)
    .map((piece) => (DANGEROUS.test(piece) ? `'${piece}` : piece))
    .join('');
}

/** The inverse of neutraliseFormulas: restoreFormulas(neutraliseFormulas(t)) === t for every text t. */
export function restoreFormulas(text: string): string {
  return text
    .split(PIECE)
    .map((piece) => (GUARDED.test(piece) ? piece.slice(1) : piece))
    .join('');
}

/** A record of a CSV file and the line of the file it starts on (1-based; a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A CSV file that is not RFC 4180: where and why. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * RFC 4180 records: comma-separated, fields in double quotes may hold commas, quotes (doubled) and line
 * breaks; records end with CRLF or LF (spreadsheets on Unix write LF). A UTF-8 byte-order mark is skipped and
 * so are empty lines, which spreadsheets leave at the end. Field text is returned as written: the formula
 * guard is undone by the caller that knows the file came from a CSV writer (restoreFormulas).
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let at = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  while (at < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[at] === '"') {
        at += 1;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote < 0) throw new CsvSyntaxError(start, 'a quoted field is never closed');
          field += text.slice(at, quote);
          at = quote + 1;
          if (text[at] !== '"') break;
          field += '"';
          at += 1;
        }
        line += field.split('\n').length - 1;
        if (at < text.length && !',\r\n'.includes(text[at] as string)) throw new CsvSyntaxError(line, 'text after a closing quote');
      } else {
        const end = /[,\r\n]/g;
        end.lastIndex = at;
        const match = end.exec(text);
        const stop = match ? match.index : text.length;
        field = text.slice(at, stop);
        if (field.includes('"')) throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the field and double the quote)');
        at = stop;
      }
      fields.push(field);
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === '\r') at += 1;
      if (text[at] === '\n') at += 1;
      line += 1;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
  }
  return records;
}
