import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, writeCsv } from '../../src/shared/inventory/csv';
import { barcodeKind, barcodeVariants, gtinCheckDigit } from '../../src/shared/inventory/barcode';

describe('barcodes', () => {
  it('accepts UPC-A, EAN-13 and EAN-8 with the right check digit only', () => {
    expect(barcodeKind('036000291452')).toBe('upc_a');
    expect(barcodeKind('4006381333931')).toBe('ean_13');
    expect(barcodeKind('96385074')).toBe('ean_8');
    expect(barcodeKind('036000291453')).toBeNull();
    expect(barcodeKind('4006381333930')).toBeNull();
    expect(barcodeKind('1234567')).toBeNull();
    expect(barcodeKind('03600029145a')).toBeNull();
    expect(gtinCheckDigit('03600029145')).toBe(2);
  });
  it('treats a UPC-A and its EAN-13 spelling as one product', () => {
    expect(barcodeVariants('036000291452')).toEqual(['036000291452', '0036000291452']);
    expect(barcodeVariants('0036000291452')).toEqual(['0036000291452', '036000291452']);
  });
});

describe('RFC 4180 CSV', () => {
  it('reads quotes, commas, line breaks in fields, CRLF and a BOM, keeping each record’s line', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\n\r\nlast,\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['two\nlines', 'z'] },
        { line: 6, fields: ['last', ''] },
      ],
    });
  });
  it('reports an unclosed or stray quote by line', () => {
    expect(parseCsv('a,b\n"open,c\nd,e\n')).toEqual({ ok: false, line: 2, reason: 'unclosed_quote' });
    expect(parseCsv('a,b\nx"y,c\n')).toEqual({ ok: false, line: 2, reason: 'stray_quote' });
    expect(parseCsv('a,b\n"x"y,c\n')).toEqual({ ok: false, line: 2, reason: 'stray_quote' });
  });
  it('round-trips any table of strings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          // A record of one empty field is a blank line; real catalogue rows always have many fields.
          const parsed = parseCsv(writeCsv(rows));
          expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
