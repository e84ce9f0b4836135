/** Pieces shared by the profile editor's rows (components/ProfileEditor.tsx): the run type, Save/Remove, archived lists. */
import { t } from '@/utils/i18n';

export type Run = (action: () => Promise<string | void>) => Promise<boolean>;

/** Archived activities or exercises (their history is kept), each with a Restore button. */
export function ArchivedList<T extends { id: string; name: string }>(props: {
  items: T[];
  summary: string;
  disabled?: boolean;
  restore: (item: T) => Promise<unknown>;
  run: (action: () => Promise<string | void>) => Promise<boolean>;
}) {
  const { items, summary, disabled = false, restore, run } = props;
  if (items.length === 0) return null;
  return (
    <details class="profile-archived">
      <summary>{summary}</summary>
      <ul class="profile-list">
        {items.map((item) => (
          <li key={item.id} class="profile-row">
            <span class="profile-name">{item.name}</span>
            <button
              type="button"
              disabled={disabled}
              onClick={() =>
                run(async () => {
                  await restore(item);
                  return t('dataRestored', item.name);
                })
              }
            >
              {t('dataRestore')}
              <span class="visually-hidden"> {item.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** A row's Save (when changed) and Remove (which archives instead when the journal refers to the item). */
export function SaveRemove(props: {
  dirty: boolean;
  name: string;
  remove: () => Promise<'deleted' | 'archived'>;
  run: (action: () => Promise<string | void>) => Promise<boolean>;
}) {
  const { dirty, name, remove, run } = props;
  return (
    <>
      <button type="submit" disabled={!dirty}>
        {t('dataSave')}
      </button>
      <button
        type="button"
        onClick={() =>
          run(async () => t((await remove()) === 'archived' ? 'dataArchivedMsg' : 'dataDeletedMsg', name))
        }
      >
        {t('dataRemove')}
        <span class="visually-hidden"> {name}</span>
      </button>
    </>
  );
}
