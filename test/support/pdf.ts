/**
 * A tiny valid PDF (one page of Helvetica text, uncompressed, byte-exact cross-reference table), for
 * the "a PDF is not an article" e2e test. `npx tsx test/support/pdf.ts` writes test/fixtures/pages/document.pdf.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The text of document.pdf: a few lines about Kyiv, with terms the lexicon would annotate on a web page. */
export const PDF_LINES = [
  'Kyiv city administration: heating season notice',
  'Heating in Kyiv resumes on 15 October, after the overnight drone attacks.',
  'Residents of the Kyiv region should report damaged radiators to their district office.',
  'The Kiev regime, as Moscow calls it, has promised repairs before the first frost.',
];

/** The PDF's bytes (all ASCII), lines of `lines` from the top of an A4 page. */
export function makePdf(lines: readonly string[]): string {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = ['BT', '/F1 14 Tf', '18 TL', '56 780 Td', ...lines.map((l) => `(${escape(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Title (Kyiv heating season notice) /Producer (Framing Lens tests) >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(fileURLToPath(new URL('../fixtures/pages/document.pdf', import.meta.url)), makePdf(PDF_LINES), 'latin1');
