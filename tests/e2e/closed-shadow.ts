/**
 * Reaching the caution note inside its CLOSED shadow root from the test's privileged side (issue #9): no page script
 * and no Playwright locator can, so the DevTools protocol walks the DOM with `pierce: true`, finds the controls, and
 * the real mouse and keyboard press them (trusted events, like a person's).
 *
 *   const note = await closedNote(page);           // null when no note
 *   await note.press('More');                      // mouse click in the middle of the button's box
 *   await note.text();                             // the note's text as a person sees it
 */
import type { CDPSession, Page } from 'playwright-core';
import { within } from './harness';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

const HOST = 'PT-JOURNAL-CAUTION';

function findHost(node: DomNode): DomNode | null {
  if (node.nodeName === HOST) return node;
  for (const c of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findHost(c);
    if (found) return found;
  }
  return null;
}

export interface ClosedNote {
  cdp: CDPSession;
  /** Runs `fn` with the shadow root as `this` in the page's main world, from the privileged side. */
  inRoot<T>(fn: string): Promise<T>;
  text(): Promise<string>;
  /** Visible buttons' labels. */
  buttons(): Promise<string[]>;
  /** Clicks the visible button with this label with the real mouse (a trusted click). */
  press(label: string): Promise<void>;
  /** The button with this label, focused from the privileged side, then the real keyboard presses `key`. */
  pressKey(label: string, key: string): Promise<void>;
  /** Dispatches made-up (untrusted) clicks and key presses on every control, hidden ones included. */
  syntheticPressAll(): Promise<number>;
}

export async function closedNote(page: Page): Promise<ClosedNote | null> {
  const cdp = await within('DevTools session for the note', page.context().newCDPSession(page));
  const { root } = (await within(
    'DOM.getDocument',
    cdp.send('DOM.getDocument', { depth: -1, pierce: true }),
  )) as { root: DomNode };
  const host = findHost(root);
  const shadow = host?.shadowRoots?.[0];
  if (!host || !shadow) {
    await cdp.detach();
    return null;
  }
  const { object } = await within(
    'DOM.resolveNode',
    cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId }),
  );
  const objectId = object.objectId!;
  const inRoot = async <T>(fn: string): Promise<T> => {
    const r = await within(
      `in the note's root: ${fn.slice(0, 60)}`,
      cdp.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: fn,
        returnByValue: true,
        awaitPromise: true,
      }),
    );
    if (r.exceptionDetails)
      throw new Error(r.exceptionDetails.exception?.description ?? 'callFunctionOn failed');
    return r.result.value as T;
  };
  const boxOf = (label: string) =>
    inRoot<{ x: number; y: number } | null>(`function () {
      const b = [...this.querySelectorAll('button')].find((x) => x.textContent === ${JSON.stringify(label)} && x.getClientRects().length);
      if (!b) return null;
      b.scrollIntoView({ block: 'nearest' });
      const r = b.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`);
  return {
    cdp,
    inRoot,
    text: () => inRoot<string>('function () { return this.querySelector("[role=note]").innerText; }'),
    buttons: () =>
      inRoot<string[]>(
        'function () { return [...this.querySelectorAll("button")].filter((b) => b.getClientRects().length).map((b) => b.textContent); }',
      ),
    async press(label) {
      const at = await boxOf(label);
      if (!at) throw new Error(`no visible button "${label}" in the note`);
      await within(`mouse click on "${label}"`, page.mouse.click(at.x, at.y));
    },
    async pressKey(label, key) {
      const ok = await inRoot<boolean>(`function () {
        const b = [...this.querySelectorAll('button')].find((x) => x.textContent === ${JSON.stringify(label)});
        if (!b) return false;
        b.focus();
        return true;
      }`);
      if (!ok) throw new Error(`no button "${label}" in the note`);
      await within(`${key} on "${label}"`, page.keyboard.press(key));
    },
    syntheticPressAll: () =>
      inRoot<number>(`function () {
        let n = 0;
        for (const b of this.querySelectorAll('button')) {
          b.click();
          b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
          for (const key of ['Enter', ' ', 'Escape'])
            for (const type of ['keydown', 'keypress', 'keyup'])
              b.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, composed: true }));
          n++;
        }
        return n;
      }`),
  };
}

/**
 * For axe-core, which (like any page script) cannot enter a closed shadow root: replaces the note with a copy of its
 * shadow content in an OPEN shadow root on a stand-in host, same markup and same stylesheet, so the audit sees what
 * a person sees. Returns the stand-in's selector.
 */
export async function openCopyForAudit(page: Page, note: ClosedNote): Promise<string> {
  const html = await note.inRoot<string>(
    'function () { return [...this.children].map((c) => c.outerHTML).join(""); }',
  );
  await note.inRoot<void>('function () { this.host.remove(); }');
  await page.evaluate((inner) => {
    const host = document.createElement('pt-journal-caution-copy');
    // Our own note's markup, copied for the audit in a test browser (never page text, never in the extension).
    // eslint-disable-next-line no-restricted-syntax
    host.attachShadow({ mode: 'open' }).innerHTML = inner;
    document.body.append(host);
  }, html);
  // The copy is a fresh insertion, so the note's 160 ms fade-in plays again. Audited mid-fade, its text is
  // partly transparent and axe reports contrast the note never has at rest: end the animation first.
  await page.evaluate(() => {
    const root = document.querySelector('pt-journal-caution-copy')?.shadowRoot;
    for (const a of root?.getAnimations() ?? []) a.finish();
  });
  return 'pt-journal-caution-copy';
}
