import { Fragment } from 'preact';
import { t } from '@/utils/i18n';
import { keyLabels } from '@/utils/keyboard/commands';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform);

/** One chord ("Mod+Shift+P") as keycaps. */
export function Chord({ keys }: { keys: string }) {
  return (
    <span class="keys">
      {keyLabels(keys, isMac).map((k, i) => (
        <Fragment key={i}>
          {i > 0 && !isMac && '+'}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** A sequence (['g', 'p']) as keycaps with "then" between them (read aloud, hidden to the eye). */
export function Sequence({ keys }: { keys: readonly string[] }) {
  return (
    <span class="keys">
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 && <span class="visually-hidden"> {t('shortcutsThen')} </span>}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
    </span>
  );
}
