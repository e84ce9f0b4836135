/** A ~2 MB page for the benchmarks: the article's head, then nav, sidebars and many sections of filler after it. */
export function bigPage(articleHtml, paragraph) {
  const head = articleHtml.slice(0, articleHtml.indexOf('<body>'));
  const nav = `<nav>${Array.from({ length: 300 }, (_, i) => `<a href="/p/${i}">Link ${i}</a>`).join(' ')}</nav>`;
  const blocks = [];
  let n = 0;
  for (let i = 0; n < 2_000_000; i++) {
    const block = `<section><h3>Section ${i}</h3><p>${paragraph}</p><ul><li>Item one</li><li>Item two</li></ul></section>\n`;
    blocks.push(block);
    n += block.length;
  }
  const body = articleHtml.slice(articleHtml.indexOf('<body>'));
  return `${head}<body>${nav}${body.replace('</body>', `<div id="more">${blocks.join('')}</div></body>`)}`;
}
