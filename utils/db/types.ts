/** Types of the data layer's public surface (./journal.ts re-exports them). */
import type { Entry } from '../journal/schema';

export type EntryInput = Omit<Entry, 'updatedAt'> & { updatedAt?: string };

export interface JournalOptions {
  onChange?: (what: 'entries' | 'profile') => void;
  now?: () => Date;
}
