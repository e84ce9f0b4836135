/**
 * Wraps every extension page (popup, options, report, welcome) so an unopenable database is never mistaken for an
 * empty journal (issue #11). The page renders at once (no delay for the popup); the gate opens the database beside
 * it, and if that fails (a newer version after a downgrade, an upgrade blocked by another tab for 5 s, a storage
 * error) it replaces the page with DbFailure: what happened, that nothing was deleted, what to do, and a copy of
 * what is stored. Editing is thereby disabled until the database opens.
 */
import type { ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DatabaseUnavailableError } from '@/utils/db/journal';

type FailureView = ComponentType<{ error: DatabaseUnavailableError; compact?: boolean }>;

/** The data layer by dynamic import: the popup paints before loading Dexie (entrypoints/popup/day.ts). */
const openJournal = () => import('@/utils/db/journal').then((m) => m.pageJournal().open());

export function JournalGate({
  children,
  compact = false,
  open = openJournal,
}: {
  children: ComponentChildren;
  compact?: boolean;
  /** Opens the database; rejects with a DatabaseUnavailableError. */
  open?: () => Promise<void>;
}) {
  const [failure, setFailure] = useState<{ error: DatabaseUnavailableError; View: FailureView } | null>(null);
  useEffect(() => {
    let live = true;
    open().catch(async (error: DatabaseUnavailableError) => {
      // The failure view is loaded only when needed: it is not part of any page's (or the popup's) budget.
      const { DbFailure } = await import('./DbFailure');
      if (live) setFailure({ error, View: DbFailure });
    });
    return () => {
      live = false;
    };
  }, []);
  return failure ? <failure.View error={failure.error} compact={compact} /> : <>{children}</>;
}
