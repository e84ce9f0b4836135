/**
 * Everything keyboard-first on a page, mounted once from the page's App root: the "Commands" button, the palette
 * (Ctrl+K / Ctrl+Shift+P, ⌘ on a Mac), the "?" list, the page's key sequences (g p, g h …, n) and a status line for
 * what a command did. Keys typed into a field never trigger a page shortcut; the palette chord works everywhere.
 *
 *   keydown ─► palette chord? ─► toggle palette
 *           └► typing / a dialog open / modifier? ─► ignore
 *           └► sequenceMatcher (utils/keyboard/keys.ts) ─► run(id)
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import { COMMAND_IDS, commandsFor, runnableFromUrl, type Surface } from '@/utils/keyboard/commands';
import { isPaletteChord, isTypingTarget, sequenceMatcher } from '@/utils/keyboard/keys';
import { loadRecents, pushRecent, saveRecents } from '@/utils/keyboard/recents';
import { loadSettings } from '@/utils/settings';
import { CommandPalette } from './CommandPalette';
import { ShortcutsDialog } from './ShortcutsDialog';
import { runnerFor } from './actions';
import { Chord, isMac } from './Keys';
import './palette.css';

const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export function KeyboardLayer({ surface }: { surface: Surface }) {
  const commands = commandsFor(surface);
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  const [recents, setRecents] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [titles, setTitles] = useState<Record<string, MessageKey>>({});
  const returnTo = useRef<HTMLElement | null>(null);
  const statusTimer = useRef<ReturnType<typeof setTimeout>>();

  const show = (which: 'palette' | 'shortcuts') => {
    returnTo.current ??= document.activeElement as HTMLElement | null;
    if (which === 'palette') {
      setRecents(loadRecents(storage(), COMMAND_IDS));
      // The switches say which way they will turn.
      void loadSettings().then((s) =>
        setTitles({
          'toggle.reminders': s.reminder.enabled ? 'cmdReminderOff' : 'cmdReminderOn',
          'toggle.caution': s.caution.enabled ? 'cmdCautionOff' : 'cmdCautionOn',
        }),
      );
    }
    setOpen(which);
  };
  const close = () => {
    setOpen(null);
    const back = returnTo.current;
    returnTo.current = null;
    // After the dialog has left the top layer, or the browser puts focus on <body>.
    if (back && back.isConnected) setTimeout(() => back.focus({ preventScroll: true }), 0);
  };

  const say = (text: string) => {
    setStatus(text);
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(''), 8000);
  };

  const run = (id: string, fromPalette: boolean) => {
    const runner = runnerFor(id);
    if (!runner || !commands.some((c) => c.id === id)) return;
    if (fromPalette) {
      const next = pushRecent(loadRecents(storage(), COMMAND_IDS), id);
      saveRecents(storage(), next);
      setRecents(next);
      // Close first, so a command that moves focus (to a section, a field) is not undone by the focus return.
      setOpen(null);
      const back = returnTo.current;
      returnTo.current = null;
      back?.focus({ preventScroll: true });
    }
    try {
      const result = runner({ surface, openShortcuts: () => show('shortcuts') });
      void Promise.resolve(result).then(
        (text) => text && say(text),
        (err: unknown) => say(t('paletteFailed', (err as Error)?.message ?? String(err))),
      );
    } catch (err) {
      say(t('paletteFailed', (err as Error)?.message ?? String(err)));
    }
  };

  // Always the latest state in the one document listener.
  const latest = useRef({ open, show, close, run });
  latest.current = { open, show, close, run };
  useEffect(() => {
    const matcher = sequenceMatcher(commandsFor(surface));
    const onKey = (e: KeyboardEvent) => {
      const { open, show, close, run } = latest.current;
      if (isPaletteChord(e, isMac)) {
        e.preventDefault();
        if (open === 'palette') close();
        else show('palette');
        return;
      }
      if (
        open ||
        e.repeat || // a held key runs its command once
        e.defaultPrevented ||
        isTypingTarget(e.target) ||
        document.querySelector('dialog[open]')
      ) {
        matcher.reset();
        return;
      }
      const hit = matcher.feed(e, performance.now());
      if (hit === null) return;
      e.preventDefault();
      if (hit !== 'pending') run(hit, false);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      clearTimeout(statusTimer.current);
    };
  }, [surface]);

  // options.html?run=<id>: a command chosen on another page (the report) that needs the dashboard.
  useEffect(() => {
    const params = new URLSearchParams(location.search);
    const id = params.get('run');
    if (!id) return;
    params.delete('run');
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    if (COMMAND_IDS.has(id) && runnableFromUrl(id)) setTimeout(() => latest.current.run(id, false), 0);
  }, []);

  return (
    <>
      <button
        type="button"
        class="palette-button no-print"
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        onClick={() => show('palette')}
      >
        {t('paletteOpen')} <Chord keys="Mod+K" />
      </button>
      {open === 'palette' && (
        <CommandPalette
          commands={commands}
          recents={recents}
          titles={titles}
          onRun={(id) => run(id, true)}
          onClose={close}
        />
      )}
      {open === 'shortcuts' && <ShortcutsDialog commands={commands} onClose={close} />}
      <div class={status ? 'palette-toast no-print' : 'visually-hidden'} role="status" aria-live="polite">
        {status}
      </div>
    </>
  );
}
