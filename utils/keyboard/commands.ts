/**
 * The command registry: every command the palette offers and every page shortcut, as plain data (ids, message keys,
 * keys). Pages supply what each id does (components/palette/actions.ts); this module only says what exists, so the
 * palette, the "?" list and the README can never disagree. Pure: tested in tests/unit/keyboard.test.ts.
 *
 *   Mod+K / Mod+Shift+P  open the palette (Mod = Ctrl, or ⌘ on a Mac; Firefox keeps Mod+Shift+P: Mod+K only)
 *   ?                    the shortcut list
 *   g then a letter      go somewhere (two keys within SEQUENCE_TIMEOUT_MS, never while typing in a field)
 *   n                    log today
 */

import type { MessageKey } from '../i18n';

export type CommandGroup = 'go' | 'journal' | 'data' | 'settings' | 'help';
/** The pages with a palette. */
export type Surface = 'options' | 'report';

export interface CommandDef {
  id: string;
  group: CommandGroup;
  /** Message key of the name shown in the palette. */
  title: MessageKey;
  /** Message key of a comma-separated list of other words people may type for it. */
  synonyms: MessageKey;
  /** A page key sequence that runs it (e.g. ['g', 'p']): one key or "g" + one key. */
  keys?: readonly string[];
  /** A browser key that already does it (shown, never handled by us), e.g. 'Mod+P' for print. */
  browserKeys?: string;
  /** Only on these pages (default: every page with a palette). */
  surfaces?: readonly Surface[];
}

/** Options-page sections in page order, with their "g" letter. */
export const SECTIONS = [
  { id: 'progress', key: 'p' },
  { id: 'insights', key: 'i' },
  { id: 'history', key: 'h' },
  { id: 'profile', key: 'a' },
  { id: 'backup', key: 'b' },
  { id: 'settings', key: 's' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export const RANGE_IDS = ['4w', '3m', '1y', 'all'] as const;
export type RangeId = (typeof RANGE_IDS)[number];

/** Typed like TypeScript's Capitalize, so `cmdGo${cap(id)}` is checked against the message keys. */
const cap = <S extends string>(s: S) => (s[0]!.toUpperCase() + s.slice(1)) as Capitalize<S>;

export const COMMANDS: readonly CommandDef[] = [
  ...SECTIONS.map((s): CommandDef => ({
    id: `go.${s.id}`,
    group: 'go',
    title: `cmdGo${cap(s.id)}`,
    synonyms: `cmdGo${cap(s.id)}Words`,
    keys: ['g', s.key],
  })),
  {
    id: 'open.report',
    group: 'go',
    title: 'cmdOpenReport',
    synonyms: 'cmdOpenReportWords',
    keys: ['g', 'r'],
  },
  {
    id: 'open.dashboard',
    group: 'go',
    title: 'cmdOpenDashboard',
    synonyms: 'cmdOpenDashboardWords',
    keys: ['g', 'd'],
    surfaces: ['report'],
  },
  ...RANGE_IDS.map((r): CommandDef => ({
    id: `range.${r}`,
    group: 'go',
    title: `cmdRange${r}`,
    synonyms: 'cmdRangeWords',
  })),
  { id: 'log.today', group: 'journal', title: 'cmdLogToday', synonyms: 'cmdLogTodayWords', keys: ['n'] },
  { id: 'log.missed', group: 'journal', title: 'cmdLogMissed', synonyms: 'cmdLogMissedWords' },
  { id: 'history.goto', group: 'journal', title: 'cmdHistoryGoto', synonyms: 'cmdHistoryGotoWords' },
  { id: 'export.json', group: 'data', title: 'cmdExportJson', synonyms: 'cmdExportJsonWords' },
  { id: 'export.csv', group: 'data', title: 'cmdExportCsv', synonyms: 'cmdExportCsvWords' },
  { id: 'import', group: 'data', title: 'cmdImport', synonyms: 'cmdImportWords' },
  {
    id: 'print',
    group: 'data',
    title: 'cmdPrint',
    synonyms: 'cmdPrintWords',
    browserKeys: 'Mod+P',
    surfaces: ['report'],
  },
  {
    id: 'toggle.reminders',
    group: 'settings',
    title: 'cmdToggleReminders',
    synonyms: 'cmdToggleRemindersWords',
  },
  { id: 'toggle.caution', group: 'settings', title: 'cmdToggleCaution', synonyms: 'cmdToggleCautionWords' },
  { id: 'muted.manage', group: 'settings', title: 'cmdMutedSites', synonyms: 'cmdMutedSitesWords' },
  { id: 'open.help', group: 'help', title: 'cmdOpenHelp', synonyms: 'cmdOpenHelpWords' },
  { id: 'open.sources', group: 'help', title: 'cmdOpenSources', synonyms: 'cmdOpenSourcesWords' },
  { id: 'shortcuts', group: 'help', title: 'cmdShortcuts', synonyms: 'cmdShortcutsWords', keys: ['?'] },
];

/** The commands a page offers, in registry order. */
export function commandsFor(surface: Surface): CommandDef[] {
  return COMMANDS.filter((c) => !c.surfaces || c.surfaces.includes(surface));
}

/**
 * Commands another page may ask the dashboard to run on load (options.html?run=<id>), e.g. "Log today" chosen in
 * the report's palette. Only ones that move focus or open an editor: nothing that writes, exports or imports.
 */
export function runnableFromUrl(id: string): boolean {
  return (
    /^(go\.|range\.)/.test(id) || ['log.today', 'log.missed', 'history.goto', 'muted.manage'].includes(id)
  );
}

export const COMMAND_IDS: ReadonlySet<string> = new Set(COMMANDS.map((c) => c.id));

/** Keys that open the palette, for the "?" list and the README (Mod = Ctrl, or ⌘ on a Mac). */
export const PALETTE_KEYS = ['Mod+K', 'Mod+Shift+P'] as const;

/**
 * The palette keys a person can use in this browser. Firefox reserves Ctrl+Shift+P (⌘⇧P) for a new private window:
 * the page never sees the key, so the "?" list must not offer it there.
 */
export function paletteKeys(browser: string): readonly string[] {
  return browser === 'firefox' ? PALETTE_KEYS.slice(0, 1) : PALETTE_KEYS;
}

/** How long after "g" the second key still counts. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** "Mod+Shift+P" → ["Ctrl", "Shift", "P"] or ["⌘", "⇧", "P"]; a sequence ['g','p'] → ["G", "P"] read "then". */
export function keyLabels(keys: string, mac: boolean): string[] {
  return keys.split('+').map((k) => {
    if (k === 'Mod') return mac ? '⌘' : 'Ctrl';
    if (k === 'Shift') return mac ? '⇧' : 'Shift';
    if (k === 'Alt') return mac ? '⌥' : 'Alt';
    return k.length === 1 ? k.toUpperCase() : k;
  });
}

/** The aria-keyshortcuts value of a command ("G P" is a sequence: ARIA has no syntax for it, so we give none). */
export function ariaKeys(def: CommandDef, mac: boolean): string | undefined {
  if (def.keys?.length === 1) return def.keys[0] === '?' ? 'Shift+?' : def.keys[0]!.toUpperCase();
  if (def.browserKeys) return def.browserKeys.replace('Mod', mac ? 'Meta' : 'Control');
  return undefined;
}
