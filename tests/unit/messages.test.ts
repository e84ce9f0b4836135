/** The message protocol: receivers validate and answer only their own names; senders get typed replies or null. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { onMessages, parseMessage, sendMessage, type Reply } from '@/utils/messages';

const sender = { id: fakeBrowser.runtime.id } as Browser.runtime.MessageSender;

/** Fires onMessage like the browser does (with sendResponse) and resolves with the reply, or 'no reply'. */
function deliver(msg: unknown, s = sender): Promise<unknown> {
  return new Promise((resolve) => {
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (
      ...a: unknown[]
    ) => Promise<unknown[]>;
    void trigger(msg, s, resolve).then((results) => {
      if (!results.includes(true)) setTimeout(() => resolve('no reply'), 0);
    });
  });
}

test('parseMessage accepts each known shape and rejects unknown names, extra and bad fields', () => {
  expect(parseMessage({ type: 'caution:openHelp' })).toEqual({ type: 'caution:openHelp' });
  expect(parseMessage({ type: 'journal:changed', what: 'entries' })).toEqual({
    type: 'journal:changed',
    what: 'entries',
  });
  expect(parseMessage({ type: 'journal:changed', what: 'everything' })).toBeNull();
  expect(parseMessage({ type: 'caution:openHelp', extra: 1 })).toBeNull();
  expect(parseMessage({ type: 'caution:dismiss', url: 'x'.repeat(2049) })).toBeNull();
  expect(parseMessage({ type: 'toString' })).toBeNull(); // not an own key of the map
  expect(parseMessage({ type: 'nope' })).toBeNull();
  expect(parseMessage('caution:openHelp')).toBeNull();
  expect(parseMessage(null)).toBeNull();
});

test('a receiver answers its own messages (sync and async), ignores others and refused senders', async () => {
  const seen: string[] = [];
  onMessages(
    {
      'caution:dismiss': async (m) => ({ ok: m.url === 'https://a.example/' }),
      'caution:openHelp': () => ({ ok: true }),
      'journal:changed': (m) => void seen.push(m.what),
    },
    { accept: (s) => s.id === fakeBrowser.runtime.id },
  );
  expect(await deliver({ type: 'caution:dismiss', url: 'https://a.example/' })).toEqual({ ok: true });
  expect(await deliver({ type: 'caution:openHelp' })).toEqual({ ok: true });
  expect(await deliver({ type: 'journal:changed', what: 'profile' })).toBe('no reply');
  expect(seen).toEqual(['profile']);
  expect(await deliver({ type: 'caution:mute' })).toBe('no reply'); // no handler here
  expect(await deliver({ type: 'caution:dismiss', url: 5 })).toBe('no reply'); // invalid
  expect(await deliver({ type: 'caution:openHelp' }, { id: 'another-extension' })).toBe('no reply');
});

test('a handler that throws or rejects never leaves the sender hanging', async () => {
  onMessages({
    'caution:openHelp': () => {
      throw new Error('boom');
    },
    'caution:dismiss': () => Promise.reject(new Error('boom')),
  });
  expect(await deliver({ type: 'caution:openHelp' })).toBe('no reply');
  expect(await deliver({ type: 'caution:dismiss', url: 'https://a.example/' })).toBeNull();
});

test('removing the listener stops the answers', async () => {
  const off = onMessages({ 'caution:openHelp': () => ({ ok: true }) });
  off();
  expect(await deliver({ type: 'caution:openHelp' })).toBe('no reply');
});

test('sendMessage puts the type beside the data, returns the reply, and null when nobody answers', async () => {
  const sent: unknown[] = [];
  fakeBrowser.runtime.sendMessage = (async (m: unknown) => {
    sent.push(m);
    return { ok: true };
  }) as never;
  const reply: Reply<'caution:dismiss'> | null = await sendMessage('caution:dismiss', {
    url: 'https://a.example/',
  });
  expect(reply).toEqual({ ok: true });
  expect(sent).toEqual([{ type: 'caution:dismiss', url: 'https://a.example/' }]);

  fakeBrowser.runtime.sendMessage = (() =>
    Promise.reject(new Error('Receiving end does not exist'))) as never;
  expect(await sendMessage('caution:mute')).toBeNull();
});

test('the compiler holds both ends to the map', () => {
  // These lines exist for tsc (npm run check): each would compile if the protocol were untyped.
  const typeOnly = () => {
    // @ts-expect-error unknown message name
    void sendMessage('caution:nope');
    // @ts-expect-error missing required field
    void sendMessage('caution:dismiss');
    // @ts-expect-error wrong field type
    void sendMessage('journal:changed', { what: 'everything' });
    // @ts-expect-error a reply of the wrong shape
    onMessages({ 'caution:check': () => ({ ok: true }) });
    void sendMessage('caution:check', { excerpt: {} as never }).then((r) => {
      // @ts-expect-error the check reply has no `ok`
      void r?.ok;
    });
  };
  expect(typeof typeOnly).toBe('function');
});
