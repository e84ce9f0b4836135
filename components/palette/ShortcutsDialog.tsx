/**
 * The "?" list: every keyboard shortcut of this page, the browser commands as currently assigned, and the address-bar
 * keyword. Built from the command registry, so it cannot drift from what the keys do. A modal <dialog>: Escape or
 * Close closes it and focus goes back where it was.
 */
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { paletteKeys, type CommandDef } from '@/utils/keyboard/commands';
import { assignedShortcuts, type AssignedShortcuts } from '@/utils/shortcut';
import { Chord, Sequence } from './Keys';

/** The keyword's grammar is the same in every language (utils/omnibox/parse.ts); only the explanations are translated. */
const OMNIBOX_EXAMPLES = [
  ['pt 4', 'shortcutsOmnibox1'],
  ['pt 4 sore', 'shortcutsOmnibox2'],
  ['pt y 4', 'shortcutsOmnibox3'],
  ['pt note …', 'shortcutsOmnibox4'],
  ['pt report · pt progress · pt help', 'shortcutsOmnibox5'],
] as const;

export function ShortcutsDialog({
  commands,
  onClose,
}: {
  commands: readonly CommandDef[];
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const [assigned, setAssigned] = useState<AssignedShortcuts | null>(null);

  useLayoutEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    closeButton.current?.focus();
  }, []);
  useEffect(() => {
    void assignedShortcuts().then(setAssigned);
  }, []);

  const withKeys = commands.filter((c) => c.keys || c.browserKeys);
  const browserKey = (key: string | null | undefined) =>
    key ? <kbd>{key}</kbd> : <span class="muted">{t('shortcutsNotSet')}</span>;

  return (
    <dialog
      ref={dialog}
      class="shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div class="shortcuts-head">
        <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('shortcutsClose')}
        </button>
      </div>

      <h3 id="shortcuts-page">{t('shortcutsPage')}</h3>
      <dl class="shortcuts-list" aria-labelledby="shortcuts-page">
        <div>
          <dt>
            {paletteKeys(import.meta.env.BROWSER).map((keys, i) => (
              <Fragment key={keys}>
                {i > 0 && (
                  <>
                    {' '}
                    <span class="muted">{t('shortcutsOr')}</span>{' '}
                  </>
                )}
                <Chord keys={keys} />
              </Fragment>
            ))}
          </dt>
          <dd>{t('shortcutsPalette')}</dd>
        </div>
        {withKeys.map((c) => (
          <div key={c.id}>
            <dt>{c.keys ? <Sequence keys={c.keys} /> : <Chord keys={c.browserKeys!} />}</dt>
            <dd>{c.id === 'shortcuts' ? t('shortcutsList') : t(c.title)}</dd>
          </div>
        ))}
      </dl>
      <p class="muted small">{t('shortcutsTyping')}</p>

      <h3 id="shortcuts-browser">{t('shortcutsBrowser')}</h3>
      <dl class="shortcuts-list" aria-labelledby="shortcuts-browser">
        <div>
          <dt>{browserKey(assigned?.checkin)}</dt>
          <dd>{t('commandOpenCheckin')}</dd>
        </div>
        <div>
          <dt>{browserKey(assigned?.dashboard)}</dt>
          <dd>{t('commandOpenDashboard')}</dd>
        </div>
      </dl>
      <p class="muted small">{t('shortcutsChange')}</p>

      <h3 id="shortcuts-omnibox">{t('shortcutsAddressBar')}</h3>
      <ul class="shortcuts-omnibox" aria-labelledby="shortcuts-omnibox">
        {OMNIBOX_EXAMPLES.map(([code, key]) => (
          <li key={key}>
            <code>{code}</code> — {t(key)}
          </li>
        ))}
      </ul>
    </dialog>
  );
}
