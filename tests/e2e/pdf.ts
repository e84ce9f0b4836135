/**
 * Counts the pages of a PDF that Chromium printed, in JavaScript (no poppler or other PDF tool on the machine).
 * Chromium (Skia) writes page objects uncompressed, so each page is one `/Type /Page` dictionary; `/Type /Pages`
 * (the page tree) is excluded. A PDF with no visible page object (object streams) throws rather than answer 0.
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  if (pages === 0) throw new Error('No page objects found in the PDF (compressed object streams?)');
  return pages;
}
