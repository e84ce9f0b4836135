/**
 * Nothing is lost: removing an exercise or an activity that some check-in refers to ARCHIVES it (hidden from the
 * form, kept for history, export and the report); only one nobody ever used is deleted. Checked on random journals
 * (fast-check): whatever is removed, in whatever order, every id a stored check-in names still resolves.
 * A mutation that deletes instead of archiving (or miscounts the references) fails here.
 */
import fc from 'fast-check';
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import type { Activity, Exercise } from '@/utils/journal/schema';

let n = 0;
const freshJournal = () =>
  new Journal(new JournalDB(`archive-${n++}`), { now: () => new Date('2026-03-20T12:00:00Z') });

const day = (i: number) => `2026-03-${String(i + 1).padStart(2, '0')}`;

test('an exercise done on some day is archived, not deleted; it still names that day; an unused one goes', async () => {
  const journal = freshJournal();
  const used = await journal.saveExercise({ name: 'Bridge', source: 'clinician' });
  const unused = await journal.saveExercise({ name: 'Bird dog', source: 'clinician' });
  await journal.saveEntry({ date: '2026-03-10', pain: 4, exercisesDone: [used.id] });

  expect(await journal.removeExercise(used.id)).toBe('archived');
  expect(await journal.removeExercise(unused.id)).toBe('deleted');

  const { exercises } = await journal.getProfile();
  expect(exercises).toEqual([{ ...used, archived: true }]);
  expect((await journal.getEntry('2026-03-10'))?.exercisesDone).toEqual([used.id]);
});

test('an activity rated on some day is archived, not deleted; an unrated one goes', async () => {
  const journal = freshJournal();
  const rated = await journal.saveActivity({ name: 'Sitting through a film' });
  const unrated = await journal.saveActivity({ name: 'Tying shoes' });
  await journal.saveEntry({ date: '2026-03-10', pain: 4, function: { [rated.id]: 6 } });

  expect(await journal.removeActivity(rated.id)).toBe('archived');
  expect(await journal.removeActivity(unrated.id)).toBe('deleted');
  expect((await journal.getProfile()).activities).toEqual([{ ...rated, archived: true }]);
});

test('random journals: after any removals every referenced exercise and activity still exists', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }), // exercises
      fc.integer({ min: 1, max: 4 }), // activities
      // per day: which exercises were done and which activities rated (bit masks)
      fc.array(fc.tuple(fc.nat(31), fc.nat(15)), { minLength: 0, maxLength: 8 }),
      fc.array(fc.nat(99), { minLength: 1, maxLength: 9 }), // removal order (indices, may repeat)
      async (nEx, nAct, days, removals) => {
        const journal = freshJournal();
        const exercises: Exercise[] = [];
        for (let i = 0; i < nEx; i++)
          exercises.push(await journal.saveExercise({ name: `Exercise ${i}`, source: 'clinician' }));
        const activities: Activity[] = [];
        for (let i = 0; i < nAct; i++) activities.push(await journal.saveActivity({ name: `Activity ${i}` }));
        for (const [d, [exMask, actMask]] of days.entries()) {
          await journal.saveEntry({
            date: day(d),
            pain: 3,
            exercisesDone: exercises.filter((_, i) => exMask & (1 << i)).map((x) => x.id),
            function: Object.fromEntries(
              activities.filter((_, i) => actMask & (1 << i)).map((a) => [a.id, 5]),
            ),
          });
        }
        const entries = await journal.listEntries();
        const usedEx = new Set(entries.flatMap((e) => e.exercisesDone ?? []));
        const usedAct = new Set(entries.flatMap((e) => Object.keys(e.function ?? {})));

        for (const r of removals) {
          const exercise = exercises[r % nEx]!;
          const wasThere = (await journal.getProfile()).exercises.some((x) => x.id === exercise.id);
          const outcome = await journal.removeExercise(exercise.id);
          if (wasThere) expect(outcome).toBe(usedEx.has(exercise.id) ? 'archived' : 'deleted');
          const activity = activities[r % nAct]!;
          await journal.removeActivity(activity.id);
        }

        const profile = await journal.getProfile();
        const exIds = new Set(profile.exercises.map((x) => x.id));
        const actIds = new Set(profile.activities.map((a) => a.id));
        for (const id of usedEx) expect(exIds.has(id)).toBe(true);
        for (const id of usedAct) expect(actIds.has(id)).toBe(true);
        const removedEx = new Set(removals.map((r) => exercises[r % nEx]!.id));
        for (const x of profile.exercises) {
          expect(x.archived).toBe(removedEx.has(x.id)); // removed and used: archived; never removed: untouched
          expect(removedEx.has(x.id) && !usedEx.has(x.id)).toBe(false); // removed and unused: gone
        }
        expect(await journal.listEntries()).toEqual(entries); // the check-ins themselves never change
        Journal.tables(journal).close();
      },
    ),
    { numRuns: 40 },
  );
});
