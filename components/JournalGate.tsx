/**
 * Wraps every extension page (popup, options, report, welcome) so an unopenable database is never mistaken for an
 * empty journal (issue #11). The page renders at once (no delay for the popup); the gate opens the database beside
 * it, and if that fails (a newer version after a downgrade, an upgrade blocked by another tab for 5 s, a storage
 * error) it replaces the page with DbFailure: what happened, that nothing was deleted, what to do, and a copy of
 * what is stored. Editing is thereby disabled until the database opens.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { pageJournal, type DatabaseUnavailableError } from '@/utils/db/journal';
import { DbFailure } from './DbFailure';

export function JournalGate({
  children,
  compact = false,
}: {
  children: ComponentChildren;
  compact?: boolean;
}) {
  const [failure, setFailure] = useState<DatabaseUnavailableError | null>(null);
  useEffect(() => {
    let live = true;
    pageJournal()
      .open()
      .catch((err: DatabaseUnavailableError) => live && setFailure(err));
    return () => {
      live = false;
    };
  }, []);
  return failure ? <DbFailure error={failure} compact={compact} /> : <>{children}</>;
}
