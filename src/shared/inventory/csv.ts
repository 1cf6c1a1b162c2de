/**
 * A small RFC 4180 reader and writer: quoted fields may hold commas, quotes ("") and line
 * breaks; records end in CRLF or LF; a UTF-8 byte order mark (spreadsheets add one) is dropped.
 * Each record keeps the line it started on, so a bad row can be reported by line.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; reason: 'unclosed_quote' | 'stray_quote' };

export function parseCsv(text: string): CsvParse {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 1;
  // After a closing quote only a separator or the end of the record may follow.
  let afterQuote = false;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty field) is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
      i += 1;
      continue;
    }
    if (c === '\r' && src[i + 1] === '\n') {
      i += 1;
      continue;
    }
    if (c === '\n') {
      endRecord();
      afterQuote = false;
      line += 1;
      recordLine = line;
      i += 1;
      continue;
    }
    if (afterQuote) return { ok: false, line, reason: 'stray_quote' };
    if (c === '"') {
      if (field !== '') return { ok: false, line, reason: 'stray_quote' };
      quoted = true;
      quoteLine = line;
      i += 1;
      continue;
    }
    field += c;
    i += 1;
  }
  if (quoted) return { ok: false, line: quoteLine, reason: 'unclosed_quote' };
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return { ok: true, records };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records with CRLF line ends and a BOM, so spreadsheet programs read UTF-8 right. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
