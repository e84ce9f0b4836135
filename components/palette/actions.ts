/**
 * What each command does on each page. On the dashboard, commands move focus to a section or hand a command to the
 * section that owns the state (utils/keyboard/bus.ts); on the report, dashboard commands open the dashboard with
 * ?run=<id> (only the harmless ones, see runnableFromUrl) or the section's anchor.
 *
 * A runner may return a sentence for the page's live region ("Daily reminder turned off.").
 */
import { t } from '@/utils/i18n';
import { localDay } from '@/utils/dates';
import { loadSettings, updateSettings } from '@/utils/settings';
import { sendPageCommand } from '@/utils/keyboard/bus';
import { SOURCES_PAGE } from '@/utils/journal/clinical';
import { RANGE_IDS, SECTIONS, runnableFromUrl, type RangeId, type Surface } from '@/utils/keyboard/commands';

export interface ActionContext {
  surface: Surface;
  openShortcuts: () => void;
}

export type Runner = (ctx: ActionContext) => void | string | Promise<void | string>;

/** Scrolls to a dashboard section and puts focus on its heading (so the next Tab starts there). */
export function goToSection(id: string): boolean {
  const section = document.getElementById(id);
  if (!section) return false;
  const heading = document.getElementById(`${id}-h`) ?? section;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  history.replaceState(null, '', `${location.pathname}${location.search}#${id}`);
  section.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}

/** Focuses (and scrolls to) an element of the dashboard by id, after its section is shown. */
function focusById(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  if (!el.hasAttribute('tabindex') && !/^(INPUT|BUTTON|SELECT|TEXTAREA|A)$/.test(el.tagName))
    el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

/** On the report: the dashboard, asked to run a command once loaded (or just at a section). */
const dashboard = (hash: string, run?: string) => {
  location.href = `/options.html${run && runnableFromUrl(run) ? `?run=${encodeURIComponent(run)}` : ''}#${hash}`;
};

const onOptions = (ctx: ActionContext) => ctx.surface === 'options';

const openTab = (path: string) => void window.open(path, '_blank', 'noopener');

async function exportOnReport(kind: 'json' | 'csv'): Promise<string> {
  const [{ exportParts, backupFileName }, { download }, { pageJournal }] = await Promise.all([
    import('@/utils/backup/export'),
    import('@/utils/backup/download'),
    import('@/utils/db/journal'),
  ]);
  const { parts, days } = await exportParts(pageJournal(), kind, await loadSettings(), new Date());
  const name = backupFileName(kind);
  download(parts, name, kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
  // A JSON file is a whole backup: "Last backup" on the options page counts it (issue #11).
  if (kind === 'json') void import('@/utils/backup/auto').then((m) => m.recordBackup()).catch(() => {});
  return t('paletteExported', name, days);
}

const RUNNERS: Record<string, Runner> = {
  ...Object.fromEntries(
    SECTIONS.map((s): [string, Runner] => [
      `go.${s.id}`,
      (ctx) => void (onOptions(ctx) ? goToSection(s.id) : dashboard(s.id)),
    ]),
  ),
  ...Object.fromEntries(
    RANGE_IDS.map((r: RangeId): [string, Runner] => [
      `range.${r}`,
      (ctx) => {
        if (!onOptions(ctx)) return dashboard('progress', `range.${r}`);
        goToSection('progress');
        sendPageCommand({ type: 'range', range: r });
      },
    ]),
  ),
  'open.report': () => void (location.href = '/report.html'),
  'open.dashboard': () => void (location.href = '/options.html'),
  'log.today': (ctx) => {
    if (!onOptions(ctx)) return dashboard('history', 'log.today');
    goToSection('history');
    sendPageCommand({ type: 'history:add', date: localDay() });
  },
  'log.missed': (ctx) => {
    if (!onOptions(ctx)) return dashboard('history', 'log.missed');
    goToSection('history');
    sendPageCommand({ type: 'history:add' });
  },
  'history.goto': (ctx) => {
    if (!onOptions(ctx)) return dashboard('history', 'history.goto');
    goToSection('history');
    focusById('history-jump');
  },
  'export.json': (ctx) => {
    if (!onOptions(ctx)) return exportOnReport('json');
    goToSection('backup');
    sendPageCommand({ type: 'export', kind: 'json' });
  },
  'export.csv': (ctx) => {
    if (!onOptions(ctx)) return exportOnReport('csv');
    goToSection('backup');
    sendPageCommand({ type: 'export', kind: 'csv' });
  },
  import: (ctx) => {
    if (!onOptions(ctx)) return dashboard('backup');
    goToSection('backup');
    focusById('bk-file');
    // Still inside the key press that ran the command, so the browser allows opening the file chooser.
    document.getElementById('bk-file')?.click();
  },
  print: () => window.print(),
  'toggle.reminders': async () => {
    const s = await updateSettings((s) => ({
      ...s,
      reminder: { ...s.reminder, enabled: !s.reminder.enabled },
    }));
    return s.reminder.enabled ? t('paletteReminderOn', s.reminder.time) : t('paletteReminderOff');
  },
  'toggle.caution': async () => {
    const s = await updateSettings((s) => ({ ...s, caution: { ...s.caution, enabled: !s.caution.enabled } }));
    return s.caution.enabled ? t('paletteCautionOn') : t('paletteCautionOff');
  },
  'muted.manage': (ctx) => {
    if (!onOptions(ctx)) return dashboard('settings', 'muted.manage');
    goToSection('settings');
    focusById('opt-caution-muted-heading');
  },
  'open.help': () => openTab('/help.html'),
  // Every reference point's source written out (entrypoints/sources).
  'open.sources': () => openTab(SOURCES_PAGE),
  shortcuts: (ctx) => ctx.openShortcuts(),
};

export function runnerFor(id: string): Runner | undefined {
  return RUNNERS[id];
}
