/** Checks that an entry's rated activities and done exercises exist (Journal.saveEntry, inside its transaction). */
import type { JournalDB } from './database';
import { t } from '../i18n';
import type { Entry, Problem } from '../journal/schema';

/** One problem per activity or exercise the entry refers to that is not stored; empty when all exist. */
export async function unknownReferences(db: JournalDB, entry: Entry): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (entry.function) {
    const known = new Set(
      await db.activities.bulkGet(Object.keys(entry.function)).then((r) => r.map((a) => a?.id)),
    );
    for (const id of Object.keys(entry.function))
      if (!known.has(id)) problems.push({ path: `function.${id}`, message: t('errUnknownActivity') });
  }
  if (entry.exercisesDone) {
    const found = await db.exercises.bulkGet(entry.exercisesDone);
    entry.exercisesDone.forEach((id, i) => {
      if (!found[i]) problems.push({ path: `exercisesDone[${i}]`, message: t('errUnknownExercise') });
    });
  }
  return problems;
}
