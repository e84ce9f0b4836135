/**
 * The two input shapes a corpus page is measured in (issue #8), as HTML strings to parse into a Document:
 *   full       the excerpt as a page: <title>, the excerpt's lines as h1 / h2 / lists / paragraphs under <main>
 *              (short lines without end punctuation read as headings, "-"/"•" lines as list items, "1." lines as
 *              numbered items)
 *   beginning  the title when known and the first ~1,200 characters of text as plain paragraphs under <main>,
 *              no headings, menus or images
 * Both are served under the page's real URL by the caller (classify(new URL(page.url), doc)).
 */
export interface CorpusPage {
  url: string;
  title: string;
  text: string;
  label: boolean;
  language: string;
  why: string;
  split: 'train' | 'dev' | 'test';
}

export const BEGINNING_CHARS = 1_200;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function shell(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">${title ? `<title>${esc(title)}</title>` : ''}</head><body><main>${body}</main></body></html>`;
}

export function fullPage(p: CorpusPage): string {
  const lines = p.text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const close = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  lines.forEach((line, i) => {
    const bullet = /^[-•*▸–]\s*(.*)$/.exec(line);
    const numbered = /^\d{1,2}[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      if (list !== kind) {
        close();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${esc((bullet ?? numbered)![1]!)}</li>`);
      return;
    }
    close();
    if (i === 0 && p.title && line === p.title) out.push(`<h1>${esc(line)}</h1>`);
    else if (line.length <= 80 && !/[.,:;!?…"”)]$/.test(line)) out.push(`<h2>${esc(line)}</h2>`);
    else out.push(`<p>${esc(line)}</p>`);
  });
  close();
  return shell(p.title, out.join(''));
}

export function beginningPage(p: CorpusPage): string {
  let text = p.text.slice(0, BEGINNING_CHARS);
  const cut = text.lastIndexOf(' ');
  if (p.text.length > BEGINNING_CHARS && cut > BEGINNING_CHARS - 200) text = text.slice(0, cut);
  const paragraphs = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`);
  return shell(p.title, paragraphs.join(''));
}
