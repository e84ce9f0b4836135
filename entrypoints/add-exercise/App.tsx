/**
 * "Add to my exercises", confirmed by the person (issue #9). A caution note on a web page opens this page through the
 * background, prefilled with the page's title and address; nothing is written until the person presses Add here, on
 * an extension page no web page can script. What depends on the journal (already saved? early after surgery?) is
 * shown here and never in the web page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { pageJournal } from '@/utils/db/journal';
import { confirmAdd, findSaved, readAddRequest } from '@/utils/caution/add';
import { EARLY_POST_SURGERY_WEEKS, isEarlyAfterSurgery } from '@/utils/journal/clinical';
import { localDay } from '@/utils/dates';
import { MAX_NAME_LENGTH } from '@/utils/journal/schema';
import { HelpLink } from '@/components/HelpLink';
import { t } from '@/utils/i18n';

type State =
  | { kind: 'loading' }
  | { kind: 'invalid' }
  | { kind: 'ready'; saved: string | null; early: boolean }
  | { kind: 'saving' }
  | { kind: 'done'; name: string; duplicate: boolean }
  | { kind: 'failed'; saved: string | null; early: boolean };

export function App({ search = location.search }: { search?: string }) {
  const request = readAddRequest(search);
  const [name, setName] = useState(request?.name ?? '');
  const [state, setState] = useState<State>(request ? { kind: 'loading' } : { kind: 'invalid' });
  const busy = useRef(false);

  useEffect(() => {
    if (!request) return;
    const journal = pageJournal();
    void Promise.all([findSaved(journal, request.url), journal.getProfile()])
      .then(([saved, profile]) =>
        setState({
          kind: 'ready',
          saved: saved?.name ?? null,
          early: isEarlyAfterSurgery(profile.surgeryDate, localDay()),
        }),
      )
      .catch(() => setState({ kind: 'ready', saved: null, early: false }));
  }, []);

  if (!request || state.kind === 'invalid')
    return (
      <main class="add">
        <h1>{t('addTitle')}</h1>
        <p>{t('addInvalid')}</p>
      </main>
    );

  const trimmed = name.replace(/\s+/g, ' ').trim();
  const add = async (e: Event) => {
    e.preventDefault();
    if (busy.current || !trimmed || state.kind !== 'ready') return; // one save per page, whatever is clicked
    busy.current = true;
    const before = state;
    setState({ kind: 'saving' });
    try {
      const { exercise, duplicate } = await confirmAdd(pageJournal(), trimmed, request.url);
      setState({ kind: 'done', name: exercise.name, duplicate });
    } catch {
      busy.current = false;
      setState({ ...before, kind: 'failed' });
    }
  };

  const ready = state.kind === 'ready' || state.kind === 'failed' ? state : null;
  return (
    <main class="add">
      <h1>{t('addTitle')}</h1>
      {state.kind === 'done' ? (
        <>
          <p role="status">{t(state.duplicate ? 'addAlready' : 'addDone', state.name)}</p>
          <div class="buttons">
            <a href="/options.html">{t('cautionOpenJournal')}</a>
            <button type="button" onClick={() => window.close()}>
              {t('addClose')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={add}>
          <p>{t('addIntro')}</p>
          <p class="muted">{t('cautionBody')}</p>
          {ready?.early && <p class="surgery">{t('cautionBodySurgery', EARLY_POST_SURGERY_WEEKS)}</p>}
          {ready?.saved && <p role="status">{t('addAlready', ready.saved)}</p>}
          <label for="add-name">{t('addName')}</label>
          <input
            id="add-name"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            required
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <p class="muted">
            {t('addAddress')} <span class="address">{request.url}</span>
          </p>
          {state.kind === 'failed' && <p role="alert">{t('addFailed')}</p>}
          <div class="buttons">
            <button type="submit" class="primary" disabled={!ready || !!ready.saved || !trimmed}>
              {t('addConfirm')}
            </button>
            <button type="button" onClick={() => window.close()}>
              {t('addCancel')}
            </button>
          </div>
          <p>
            <HelpLink />
          </p>
        </form>
      )}
    </main>
  );
}
