/**
 * The address-bar keyword "pt" (manifest `omnibox.keyword`), run in the background.
 *
 *   typing   onInputChanged → parseOmnibox → read that day's entry → setDefaultSuggestion("Save for today: pain 4 …")
 *   Enter    onInputEntered → parseOmnibox → read, merge, saveEntry (validated by the data layer) → badge refresh
 *                             → a notification that says only "saved" or why not (no values: it may show on screen)
 *            or open a page (report, progress, help …) in the tab the browser chose.
 *
 * A write merges into the day's entry: it sets only the fields typed (pain, soreness) and appends a note, so
 * whatever the popup saved for that day stays. The suggestion is computed from the same merge as the write, so it
 * says exactly what Enter will save.
 */
import { browser } from 'wxt/browser';
import type { Journal } from '../db/journal';
import { ValidationError, type Entry } from '../journal/schema';
import { ConflictError, StorageError } from '../db/journal';
import { addDays, formatDay, localDay, type Day } from '../dates';
import { t, uiLocale, type MessageKey } from '../i18n';
import {
  ENGLISH_WORDS,
  parseOmnibox,
  type OmniboxDay,
  type OmniboxIntent,
  type OmniboxPage,
  type OmniboxWords,
} from './parse';

type Browser = typeof browser;
type WriteIntent = Extract<OmniboxIntent, { kind: 'log' | 'note' }>;

export const OMNIBOX_NOTIFICATION_ID = 'omni:result';
/** Reads and writes of one Enter before giving up when other pages keep saving the same day. */
const MAX_ATTEMPTS = 3;

export interface OmniboxDeps {
  browser: Browser;
  now: () => Date;
  /** Chrome's suggestion text is XML (escape it); Firefox's is plain text. */
  markup: boolean;
  /** Called after a write (the badge and reminders refresh). */
  onSaved: () => Promise<void> | void;
  words: OmniboxWords;
}

/** Where each page word leads (extension-relative URLs). Sources: the extension's Sources page (entrypoints/sources). */
export const PAGE_URLS: Record<OmniboxPage, string> = {
  dashboard: '/options.html',
  progress: '/options.html#progress',
  history: '/options.html#history',
  settings: '/options.html#settings',
  backup: '/options.html#backup',
  report: '/report.html',
  help: '/help.html',
  sources: '/sources.html',
};

const PAGE_TITLES: Record<OmniboxPage, MessageKey> = {
  dashboard: 'omniPageDashboard',
  progress: 'sectionProgress',
  history: 'sectionHistory',
  settings: 'sectionSettings',
  backup: 'sectionBackup',
  report: 'navReport',
  help: 'helpTitle',
  sources: 'omniPageSources',
};

export const dayOf = (day: OmniboxDay, now: Date): Day =>
  day === 'today' ? localDay(now) : addDays(localDay(now), -1);

/** Appends to a note on a new line; never replaces what is there. */
export function appendNote(old: string | undefined, add: string): string {
  return old && old.trim() !== '' ? `${old}\n${add}` : add;
}

/**
 * The entry a write would store (without updatedAt, which the data layer sets), or null when there is nothing to add
 * a note to (a check-in needs a pain score). Fields the line did not set are kept as they are.
 */
export function mergeIntent(
  existing: Entry | undefined,
  intent: WriteIntent,
  date: Day,
): Omit<Entry, 'updatedAt'> | null {
  const { updatedAt: _ignored, ...kept } = existing ?? ({ date } as Entry);
  if (intent.kind === 'note') {
    if (!existing) return null;
    return { ...kept, date, note: appendNote(existing.note, intent.note) };
  }
  return {
    ...kept,
    date,
    pain: intent.pain,
    ...(intent.soreness ? { soreness: intent.soreness } : {}),
    ...(intent.note !== undefined ? { note: appendNote(existing?.note, intent.note) } : {}),
  };
}

export function escapeMarkup(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function dayLabel(day: OmniboxDay, date: Day): string {
  return t(day === 'today' ? 'omniToday' : 'omniYesterday', formatDay(date, uiLocale()));
}

/** The suggestion shown while typing: exactly what Enter will do, or why it will do nothing. */
export function describe(intent: OmniboxIntent, existing: Entry | undefined, date: Day): string {
  switch (intent.kind) {
    case 'empty':
      return t('omniUsage');
    case 'open':
      return t('omniOpen', t(PAGE_TITLES[intent.page]));
    case 'invalid':
      return t(`omniInvalid_${intent.reason}`, intent.word ?? '');
    case 'note':
    case 'log': {
      const label = dayLabel(intent.day, date);
      if (intent.kind === 'note') {
        if (!existing) return t('omniNoteNeedsPain', label);
        return t('omniNoteAdd', label, clip(intent.note));
      }
      const parts = [
        existing && existing.pain !== intent.pain
          ? t('omniPainWas', intent.pain, existing.pain)
          : t('omniPain', intent.pain),
      ];
      if (intent.soreness) parts.push(t(`dataSoreness_${intent.soreness}`));
      if (intent.note !== undefined) parts.push(t('omniNotePart', clip(intent.note, 40)));
      return t(existing ? 'omniSaveKeep' : 'omniSave', label, parts.join(' · '));
    }
  }
}

export type OmniboxResult =
  | { kind: 'saved'; date: Day; entry: Entry }
  | { kind: 'opened'; url: string }
  | { kind: 'refused'; message: string };

export interface OmniboxHandlers {
  /** The suggestion text for what is typed so far (plain text). */
  suggest(text: string): Promise<string>;
  /** Does what Enter does. */
  enter(text: string, disposition?: string): Promise<OmniboxResult>;
}

export function createOmniboxHandlers(
  journal: Journal,
  overrides: Partial<OmniboxDeps> = {},
): OmniboxHandlers {
  const deps: OmniboxDeps = {
    browser,
    now: () => new Date(),
    markup: import.meta.env.BROWSER !== 'firefox',
    onSaved: () => undefined,
    words: ENGLISH_WORDS,
    ...overrides,
  };
  const b = deps.browser;

  async function suggest(text: string): Promise<string> {
    const intent = parseOmnibox(text, deps.words);
    if (intent.kind !== 'log' && intent.kind !== 'note')
      return describe(intent, undefined, localDay(deps.now()));
    const date = dayOf(intent.day, deps.now());
    return describe(intent, await journal.getEntry(date), date);
  }

  /**
   * Read, merge, write with the day's updatedAt as the expected version (the data layer's optimistic concurrency,
   * as in the popup): when another page saved the day between the read and the write, the data layer refuses
   * (ConflictError) and we merge again into what is stored now. The merge only sets the typed fields and appends the
   * note, so a retry never undoes the other edit.
   */
  async function save(intent: WriteIntent): Promise<OmniboxResult> {
    const date = dayOf(intent.day, deps.now());
    for (let attempt = 1; ; attempt++) {
      const existing = await journal.getEntry(date);
      const merged = mergeIntent(existing, intent, date);
      if (!merged) return { kind: 'refused', message: t('omniNoteNeedsPain', dayLabel(intent.day, date)) };
      try {
        const entry = await journal.saveEntry(merged, existing?.updatedAt ?? null);
        await deps.onSaved();
        return { kind: 'saved', date, entry };
      } catch (err) {
        if (err instanceof ConflictError && attempt < MAX_ATTEMPTS) continue;
        if (err instanceof ConflictError) return { kind: 'refused', message: t('conflictTitle') };
        if (err instanceof ValidationError)
          return { kind: 'refused', message: err.problems.map((p) => p.message).join(' ') };
        if (err instanceof StorageError) return { kind: 'refused', message: err.message };
        throw err;
      }
    }
  }

  async function open(path: string, disposition = 'currentTab'): Promise<OmniboxResult> {
    const url = b.runtime.getURL(path as '/options.html');
    if (disposition === 'currentTab') await b.tabs.update({ url });
    else await b.tabs.create({ url, active: disposition === 'newForegroundTab' });
    return { kind: 'opened', url };
  }

  async function enter(text: string, disposition?: string): Promise<OmniboxResult> {
    const intent = parseOmnibox(text, deps.words);
    if (intent.kind === 'empty') return open(PAGE_URLS.dashboard, disposition);
    if (intent.kind === 'open') return open(PAGE_URLS[intent.page], disposition);
    if (intent.kind === 'invalid') return { kind: 'refused', message: describe(intent, undefined, '') };
    return save(intent);
  }

  return { suggest, enter };
}

/** Registers the keyword's listeners (synchronously, so the event that woke the worker reaches them). */
export function registerOmnibox(journal: Journal, overrides: Partial<OmniboxDeps> = {}): OmniboxHandlers {
  const handlers = createOmniboxHandlers(journal, overrides);
  const b = overrides.browser ?? browser;
  const markup = overrides.markup ?? import.meta.env.BROWSER !== 'firefox';
  const omnibox = (b as Partial<Browser>).omnibox;
  if (!omnibox) return handlers;
  const show = (text: string) => (markup ? escapeMarkup(text) : text);
  // Typing is fast and reads are async: only the latest keystroke's suggestion may be shown.
  let latest = 0;
  void omnibox.setDefaultSuggestion({ description: show(t('omniUsage')) });
  omnibox.onInputChanged.addListener((text) => {
    const mine = ++latest;
    void handlers.suggest(text).then((description) => {
      if (mine === latest) void omnibox.setDefaultSuggestion({ description: show(description) });
    });
  });
  omnibox.onInputEntered.addListener((text, disposition) => {
    void handlers.enter(text, disposition).then(
      (result) => notify(b, result),
      (err: unknown) => notify(b, { kind: 'refused', message: t('errStorageFailed', String(err)) }),
    );
  });
  return handlers;
}

/** Says "saved" or why not, without the values (a notification may be seen by anyone near the screen). */
async function notify(b: Browser, result: OmniboxResult): Promise<void> {
  if (result.kind === 'opened') return;
  try {
    await b.notifications.create(OMNIBOX_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: b.runtime.getURL('/icon/128.png'),
      title: t('extName'),
      message:
        result.kind === 'saved'
          ? t('omniSaved', formatDay(result.date, uiLocale()))
          : t('omniNotSaved', result.message),
    });
  } catch {
    // notifications blocked: the badge still shows the day as logged
  }
}
