import { pdfPageCount } from '../e2e/pdf';

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF`);

describe('pdfPageCount', () => {
  it('counts page objects and not the page tree', () => {
    const two = pdf(
      '1 0 obj << /Type /Pages /Count 2 >> endobj 2 0 obj << /Type /Page >> endobj 3 0 obj <</Type/Page/Parent 1 0 R>> endobj',
    );
    expect(pdfPageCount(two)).toBe(2);
  });
  it('refuses to answer for a PDF whose pages it cannot see', () => {
    expect(() => pdfPageCount(pdf('1 0 obj << /Type /ObjStm >> endobj'))).toThrow(/No page objects/);
  });
});
