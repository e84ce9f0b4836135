/**
 * The address-bar keyword: the parser (garbage, out-of-range numbers and other languages' words are refused, never
 * guessed), the merge (sets only what was typed, appends notes), and the handlers over a real journal in fake
 * IndexedDB: what the suggestion says is what Enter stores.
 */
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import { ENGLISH_WORDS, OMNIBOX_PAGES, parseOmnibox, type OmniboxIntent } from '@/utils/omnibox/parse';
import {
  appendNote,
  createOmniboxHandlers,
  escapeMarkup,
  mergeIntent,
  PAGE_URLS,
} from '@/utils/omnibox/background';
import { MAX_NOTE_LENGTH, SORENESS } from '@/utils/journal/schema';

describe('parser', () => {
  const cases: Array<[string, OmniboxIntent]> = [
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['4', { kind: 'log', day: 'today', pain: 4 }],
    ['0', { kind: 'log', day: 'today', pain: 0 }],
    ['10', { kind: 'log', day: 'today', pain: 10 }],
    ['4/10', { kind: 'log', day: 'today', pain: 4 }],
    ['4 sore', { kind: 'log', day: 'today', pain: 4, soreness: 'muscle' }],
    ['4 SHARP', { kind: 'log', day: 'today', pain: 4, soreness: 'sharp' }],
    ['4 tingling', { kind: 'log', day: 'today', pain: 4, soreness: 'tingling' }],
    ['4 none', { kind: 'log', day: 'today', pain: 4, soreness: 'none' }],
    ['y 4', { kind: 'log', day: 'yesterday', pain: 4 }],
    ['4 yesterday', { kind: 'log', day: 'yesterday', pain: 4 }],
    ['today 3 achy', { kind: 'log', day: 'today', pain: 3, soreness: 'muscle' }],
    ['note felt  ok <b>', { kind: 'note', day: 'today', note: 'felt  ok <b>' }],
    ['y note walked 20 min', { kind: 'note', day: 'yesterday', note: 'walked 20 min' }],
    [
      'y 4 sore note after the session',
      { kind: 'log', day: 'yesterday', pain: 4, soreness: 'muscle', note: 'after the session' },
    ],
    ['note 4 sore', { kind: 'note', day: 'today', note: '4 sore' }],
    ['report', { kind: 'open', page: 'report' }],
    ['Progress', { kind: 'open', page: 'progress' }],
    ['help', { kind: 'open', page: 'help' }],
    ['11', { kind: 'invalid', reason: 'painRange', word: '11' }],
    ['100', { kind: 'invalid', reason: 'painRange', word: '100' }],
    ['-1', { kind: 'invalid', reason: 'painRange', word: '-1' }],
    ['4.5', { kind: 'invalid', reason: 'painRange', word: '4.5' }],
    ['4,5', { kind: 'invalid', reason: 'painRange', word: '4,5' }],
    ['11/10', { kind: 'invalid', reason: 'painRange', word: '11/10' }],
    ['4 5', { kind: 'invalid', reason: 'repeated', word: '5' }],
    ['y y 4', { kind: 'invalid', reason: 'repeated', word: 'y' }],
    ['4 sore sharp', { kind: 'invalid', reason: 'repeated', word: 'sharp' }],
    ['sore', { kind: 'invalid', reason: 'needPain' }],
    ['y', { kind: 'invalid', reason: 'needPain' }],
    ['note', { kind: 'invalid', reason: 'noteEmpty' }],
    ['4 note   ', { kind: 'invalid', reason: 'noteEmpty' }],
    // Other languages' words are not guessed at: nothing is saved.
    ['4 dolor', { kind: 'invalid', reason: 'unknownWord', word: 'dolor' }],
    ['gestern 4', { kind: 'invalid', reason: 'unknownWord', word: 'gestern' }],
    ['4 courbatures', { kind: 'invalid', reason: 'unknownWord', word: 'courbatures' }],
    ['nota algo', { kind: 'invalid', reason: 'unknownWord', word: 'nota' }],
    ['４', { kind: 'invalid', reason: 'unknownWord', word: '４' }],
    ['٤', { kind: 'invalid', reason: 'unknownWord', word: '٤' }],
    ['report 4', { kind: 'invalid', reason: 'unknownWord', word: 'report' }],
    ['<script>', { kind: 'invalid', reason: 'unknownWord', word: '<script>' }],
  ];
  test.each(cases)('%j', (input, expected) => expect(parseOmnibox(input)).toEqual(expected));

  test('a note longer than a stored note may be is refused', () => {
    expect(parseOmnibox(`note ${'x'.repeat(MAX_NOTE_LENGTH)}`).kind).toBe('note');
    expect(parseOmnibox(`note ${'x'.repeat(MAX_NOTE_LENGTH + 1)}`)).toEqual({
      kind: 'invalid',
      reason: 'noteTooLong',
    });
  });

  test('every soreness kind and every page has words', () => {
    for (const k of SORENESS) expect(ENGLISH_WORDS.soreness[k].length).toBeGreaterThan(0);
    for (const p of OMNIBOX_PAGES)
      expect(parseOmnibox(ENGLISH_WORDS.pages[p][0]!)).toEqual({ kind: 'open', page: p });
  });

  test('garbage never throws, and a pain it reports is a whole number 0-10 (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseOmnibox(s);
        if (r.kind === 'log') return Number.isInteger(r.pain) && r.pain >= 0 && r.pain <= 10;
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('merge', () => {
  const existing = {
    date: '2026-03-02',
    pain: 6,
    soreness: 'sharp' as const,
    stiffness: 4,
    session: 'attended' as const,
    note: 'morning was stiff',
    noteForClinician: true,
    updatedAt: '2026-03-02T08:00:00.000Z',
  };

  test('sets only what was typed; every other field stays; updatedAt is left to the data layer', () => {
    expect(mergeIntent(existing, { kind: 'log', day: 'today', pain: 3 }, '2026-03-02')).toEqual({
      date: '2026-03-02',
      pain: 3,
      soreness: 'sharp',
      stiffness: 4,
      session: 'attended',
      note: 'morning was stiff',
      noteForClinician: true,
    });
  });

  test('a note is appended, never replaces', () => {
    const merged = mergeIntent(
      existing,
      { kind: 'note', day: 'today', note: 'evening better' },
      '2026-03-02',
    );
    expect(merged?.note).toBe('morning was stiff\nevening better');
    expect(merged?.pain).toBe(6);
    expect(appendNote(undefined, 'a')).toBe('a');
    expect(appendNote('  ', 'a')).toBe('a');
  });

  test('a note alone cannot start a day (a check-in needs a pain score)', () => {
    expect(mergeIntent(undefined, { kind: 'note', day: 'today', note: 'x' }, '2026-03-02')).toBeNull();
  });

  test('Chrome markup is escaped', () => {
    expect(escapeMarkup(`<match>&"'`)).toBe('&lt;match&gt;&amp;&quot;&apos;');
  });
});

describe('handlers over the journal', () => {
  let n = 0;
  const NOW = new Date(2026, 2, 2, 21, 30); // local 2 March 2026, evening
  function setup() {
    const journal = new Journal(new JournalDB(`omni-${n++}`), { now: () => NOW });
    const saved: number[] = [];
    const h = createOmniboxHandlers(journal, {
      browser: fakeBrowser as unknown as typeof import('wxt/browser').browser,
      now: () => NOW,
      markup: true,
      onSaved: () => void saved.push(1),
    });
    return { journal, h, saved };
  }

  test('pt 4 sore: the suggestion says what Enter stores, and Enter stores exactly that', async () => {
    const { journal, h, saved } = setup();
    expect(await h.suggest('4 sore')).toBe('Enter saves for today (Mon, Mar 2): pain 4 · Muscle soreness.');
    const r = await h.enter('4 sore');
    expect(r.kind).toBe('saved');
    const e = await journal.getEntry('2026-03-02');
    expect(e).toMatchObject({ date: '2026-03-02', pain: 4, soreness: 'muscle' });
    expect(Object.keys(e!).sort()).toEqual(['date', 'pain', 'soreness', 'updatedAt']);
    expect(saved).toHaveLength(1); // the badge refresh ran
  });

  test('pt y 4 over a fuller entry keeps the popup’s fields; pt note appends', async () => {
    const { journal, h } = setup();
    await journal.saveEntry({
      date: '2026-03-01',
      pain: 7,
      stiffness: 5,
      note: 'first',
      homeExercises: 'all',
    });
    expect(await h.suggest('y 4')).toBe(
      'Enter saves for yesterday (Sun, Mar 1): pain 4 (was 7). Everything else you logged that day stays.',
    );
    await h.enter('y 4');
    await h.enter('y note <second>');
    expect(await journal.getEntry('2026-03-01')).toMatchObject({
      pain: 4,
      stiffness: 5,
      homeExercises: 'all',
      note: 'first\n<second>',
    });
  });

  test('refused lines store nothing: garbage, out of range, a note with no check-in, a note made too long', async () => {
    const { journal, h, saved } = setup();
    for (const text of ['11', 'dolor 4', 'note hello', '4.5'])
      expect((await h.enter(text)).kind, text).toBe('refused');
    expect(await journal.listEntries()).toEqual([]);
    expect(await h.suggest('note hello')).toBe(
      'No check-in for today (Mon, Mar 2) yet: start with a pain score, e.g. pt 4 note …',
    );
    await journal.saveEntry({ date: '2026-03-02', pain: 2, note: 'x'.repeat(MAX_NOTE_LENGTH - 3) });
    const r = await h.enter('note longer');
    expect(r).toEqual({ kind: 'refused', message: `The note can be at most ${MAX_NOTE_LENGTH} characters.` });
    expect((await journal.getEntry('2026-03-02'))!.note).toBe('x'.repeat(MAX_NOTE_LENGTH - 3));
    expect(saved).toHaveLength(0);
  });

  test('a save elsewhere between the read and the write is merged into, never overwritten', async () => {
    const { journal, h } = setup();
    await journal.saveEntry({ date: '2026-03-02', pain: 6, note: 'morning' });
    // The popup saves the same day right after the omnibox has read it.
    const read = journal.getEntry.bind(journal);
    let raced = false;
    journal.getEntry = async (d) => {
      const seen = await read(d);
      if (!raced) {
        raced = true;
        await journal.saveEntry({ date: '2026-03-02', pain: 6, stiffness: 3, note: 'morning\npopup' });
      }
      return seen;
    };
    const saveSpy = vi.spyOn(journal, 'saveEntry');
    expect((await h.enter('4 sharp note evening')).kind).toBe('saved');
    expect(await read('2026-03-02')).toMatchObject({
      pain: 4,
      soreness: 'sharp',
      stiffness: 3,
      note: 'morning\npopup\nevening',
    });
    // The omnibox's first write carried the version it read and was refused; the second merged into the popup's save.
    const omnibox = saveSpy.mock.calls.flatMap((call, i) => (call[1] !== undefined ? [i] : []));
    expect(omnibox).toHaveLength(2);
    await expect(saveSpy.mock.results[omnibox[0]!]!.value).rejects.toThrow(/changed elsewhere/);
  });

  test('page words open pages in the tab the browser chose', async () => {
    const { h } = setup();
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    await fakeBrowser.tabs.update(tab.id!, { active: true });
    expect(await h.suggest('report')).toBe('Enter opens Report for your clinician.');
    const r = await h.enter('report', 'newForegroundTab');
    expect(r).toEqual({
      kind: 'opened',
      url: fakeBrowser.runtime.getURL(PAGE_URLS.report as '/report.html'),
    });
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain(
      fakeBrowser.runtime.getURL('/report.html'),
    );
  });
});
