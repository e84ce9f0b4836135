// @vitest-environment happy-dom
// The popup's first picture (utils/db/snapshot.ts): only a valid snapshot of the asked day is used.
import { clearSnapshot, readSnapshot, writeSnapshot } from '@/utils/db/snapshot';
import { EMPTY_PROFILE } from '@/utils/journal/schema';

const entry = { date: '2026-03-10', pain: 4, updatedAt: '2026-03-10T19:00:00.000Z' };
const profile = {
  ...EMPTY_PROFILE,
  surgeryDate: '2026-01-02',
  activities: [{ id: 'a1', name: 'Walking', addedOn: '2026-01-05', archived: false }],
};

beforeEach(() => localStorage.clear());

test('a snapshot written for a day is read back for that day only', () => {
  writeSnapshot({ date: '2026-03-10', entry, profile });
  expect(readSnapshot('2026-03-10')).toEqual({ date: '2026-03-10', entry, profile });
  expect(readSnapshot('2026-03-11')).toBeNull();
  writeSnapshot({ date: '2026-03-11', entry: null, profile });
  expect(readSnapshot('2026-03-11')?.entry).toBeNull();
  clearSnapshot();
  expect(readSnapshot('2026-03-11')).toBeNull();
});

test('a damaged or foreign snapshot is ignored (the popup then reads the database first)', () => {
  localStorage.setItem('pt-journal:snapshot', '{not json');
  expect(readSnapshot('2026-03-10')).toBeNull();
  localStorage.setItem(
    'pt-journal:snapshot',
    JSON.stringify({ date: '2026-03-10', entry: { ...entry, pain: 42 }, profile }),
  );
  expect(readSnapshot('2026-03-10')).toBeNull();
  localStorage.setItem('pt-journal:snapshot', JSON.stringify({ date: '2026-03-10', entry }));
  expect(readSnapshot('2026-03-10')).toBeNull();
});
