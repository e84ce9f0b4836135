import { entryToForm, formToEntryInput, parseReach, sameForm, EMPTY_FORM } from '@/utils/journal/form';
import { clearDraft, draftState, loadDraft, saveDraft, type DraftStore } from '@/utils/draft';
import { nextScaleValue, TEN_WINDOW_MS } from '@/components/ScaleInput';

function memoryStore(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('check-in form', () => {
  test('round-trips an entry and omits what was not recorded', () => {
    const entry = {
      date: '2026-03-10',
      pain: 4,
      soreness: 'muscle' as const,
      function: { a: 6 },
      reachCm: -3.5,
      note: 'ok',
      noteForClinician: true,
      updatedAt: '2026-03-10T10:00:00.000Z',
    };
    const form = entryToForm(entry);
    expect(form.reach).toBe('-3.5');
    const { updatedAt: _u, ...rest } = entry;
    expect(formToEntryInput('2026-03-10', form)).toEqual(rest);
    expect(formToEntryInput('2026-03-10', { ...EMPTY_FORM, pain: 0 })).toEqual({
      date: '2026-03-10',
      pain: 0,
    });
  });

  test('reach accepts a decimal comma and flags text as NaN for the validator', () => {
    expect(parseReach('')).toBeUndefined();
    expect(parseReach(' 12,5 ')).toBe(12.5);
    expect(parseReach('-4')).toBe(-4);
    expect(parseReach('ten')).toBeNaN();
  });

  test('a note marked for the clinician needs a note', () => {
    expect(formToEntryInput('2026-03-10', { ...EMPTY_FORM, pain: 2, noteForClinician: true })).toEqual({
      date: '2026-03-10',
      pain: 2,
    });
    expect(sameForm({ ...EMPTY_FORM, note: '  ' }, EMPTY_FORM)).toBe(true);
    expect(sameForm({ ...EMPTY_FORM, pain: 1 }, EMPTY_FORM)).toBe(false);
  });
});

describe('drafts', () => {
  test('are kept per day, validated on load, and cleared', () => {
    const s = memoryStore();
    saveDraft('2026-03-10', { ...EMPTY_FORM, pain: 7, note: 'half typed' }, null, s);
    expect(loadDraft('2026-03-10', s)?.form).toMatchObject({ pain: 7, note: 'half typed' });
    expect(loadDraft('2026-03-09', s)).toBeNull();
    s.data.set('pt-journal:draft:2026-03-09', '{"form":{"pain":"lots"}}');
    expect(loadDraft('2026-03-09', s)).toBeNull();
    clearDraft('2026-03-10', s);
    expect(loadDraft('2026-03-10', s)).toBeNull();
  });

  test('record their base: a draft typed over an older version of the day is "older", never "current"', () => {
    const s = memoryStore();
    const at = new Date('2026-03-10T08:00:00.000Z');
    saveDraft('2026-03-10', { ...EMPTY_FORM, pain: 3 }, '2026-03-10T07:00:00.000Z', s, at);
    const draft = loadDraft('2026-03-10', s)!;
    expect(draft.base).toBe('2026-03-10T07:00:00.000Z');
    expect(draftState(draft, { updatedAt: '2026-03-10T07:00:00.000Z' })).toBe('current');
    expect(draftState(draft, { updatedAt: '2026-03-10T09:00:00.000Z' })).toBe('older');
    expect(draftState(draft, undefined)).toBe('older'); // the day was deleted since
    saveDraft('2026-03-11', { ...EMPTY_FORM, pain: 3 }, null, s, at);
    expect(draftState(loadDraft('2026-03-11', s)!, undefined)).toBe('current');
    expect(draftState(loadDraft('2026-03-11', s)!, { updatedAt: '2026-03-11T07:00:00.000Z' })).toBe('older');
    // Drafts from before bases were recorded: compared by time.
    s.data.set(
      'pt-journal:draft:2026-03-12',
      JSON.stringify({ form: EMPTY_FORM, savedAt: at.toISOString() }),
    );
    const legacy = loadDraft('2026-03-12', s)!;
    expect(draftState(legacy, { updatedAt: '2026-03-10T09:00:00.000Z' })).toBe('older');
    expect(draftState(legacy, { updatedAt: '2026-03-10T07:00:00.000Z' })).toBe('current');
  });

  test('a failing store never breaks the form', () => {
    const broken: DraftStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => saveDraft('2026-03-10', EMPTY_FORM, null, broken)).not.toThrow();
    expect(loadDraft('2026-03-10', broken)).toBeNull();
  });
});

describe('0-10 scale keys', () => {
  test('a digit sets the value; "1" then "0" quickly gives 10, slowly gives 0', () => {
    expect(nextScaleValue('7', undefined, null, 0, true)).toBe(7);
    expect(nextScaleValue('0', 1, { digit: '1', at: 1000 }, 1000 + TEN_WINDOW_MS - 1, true)).toBe(10);
    expect(nextScaleValue('0', 1, { digit: '1', at: 1000 }, 1000 + TEN_WINDOW_MS + 1, true)).toBe(0);
  });

  test('arrows, Home/End and Delete', () => {
    expect(nextScaleValue('ArrowUp', 10, null, 0, true)).toBe(10);
    expect(nextScaleValue('ArrowUp', undefined, null, 0, true)).toBe(0);
    expect(nextScaleValue('ArrowDown', 0, null, 0, true)).toBe(0);
    expect(nextScaleValue('ArrowRight', 4, null, 0, true)).toBe(5);
    expect(nextScaleValue('End', 2, null, 0, true)).toBe(10);
    expect(nextScaleValue('Delete', 2, null, 0, true)).toBeUndefined();
    expect(nextScaleValue('Delete', 2, null, 0, false)).toBeNull();
    expect(nextScaleValue('a', 2, null, 0, true)).toBeNull();
  });
});
