import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Journal } from '@/utils/db/journal';
import { JournalDB } from '@/utils/db/database';
import {
  backupDue,
  daysSinceBackup,
  loadBackupState,
  recordBackup,
  runAutoBackup,
  updateBackupState,
  DEFAULT_BACKUP_STATE,
} from '@/utils/backup/auto';
import { exclusive, loadSettings, updateSettings } from '@/utils/settings';

let n = 0;
let journal: Journal;
let nextId: number;
let removed: number[];
let downloads: Array<{ url: string; filename?: string }>;
let granted: boolean;

beforeEach(() => {
  journal = new Journal(new JournalDB(`auto-backup-${++n}`));
  nextId = 1;
  removed = [];
  downloads = [];
  granted = true;
  const b = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
  b.permissions!.contains = async () => granted;
  b.downloads!.download = async (o: { url: string; filename?: string }) => {
    downloads.push(o);
    return nextId++;
  };
  b.downloads!.removeFile = async (id: number) => void removed.push(id);
  b.downloads!.erase = async () => [];
});

// 10:00 local time (no Z): the file name and the day count are local, so a UTC moment would be another day in
// zones far from UTC (UTC+14: 10:00Z is already the next day).
const at = (day: string) => new Date(`${day}T10:00:00`);

describe('"Last backup" and the gentle prompt', () => {
  test('counts whole days since the last JSON backup; prompts after 30 days, or a journal older than that', async () => {
    expect(daysSinceBackup(DEFAULT_BACKUP_STATE)).toBeNull();
    expect(backupDue(DEFAULT_BACKUP_STATE, null, at('2026-11-01'))).toBe(false); // empty journal: no nagging
    expect(backupDue(DEFAULT_BACKUP_STATE, '2026-10-25', at('2026-11-01'))).toBe(false);
    expect(backupDue(DEFAULT_BACKUP_STATE, '2026-09-01', at('2026-11-01'))).toBe(true);
    const state = await recordBackup(at('2026-10-01'));
    expect(daysSinceBackup(state, at('2026-10-30'))).toBe(29);
    expect(backupDue(state, '2026-01-01', at('2026-10-30'))).toBe(false);
    expect(backupDue(state, '2026-01-01', at('2026-10-31'))).toBe(true);
  });
});

describe('"Last backup" counts calendar days, not 24-hour periods', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  test('a backup made late last evening was yesterday ("1 day ago"), not "today"', async () => {
    const state = await recordBackup(new Date(2026, 9, 1, 23, 30));
    expect(daysSinceBackup(state, new Date(2026, 9, 2, 0, 10))).toBe(1);
    expect(daysSinceBackup(state, new Date(2026, 9, 2, 8))).toBe(1);
    expect(daysSinceBackup(state, new Date(2026, 9, 1, 23, 59))).toBe(0);
  });

  test('the weekly automatic backup is due on the seventh calendar day, DST change or not', async () => {
    process.env.TZ = 'Australia/Sydney'; // springs forward on 4 Oct 2026: that week is 167 hours long
    await updateBackupState((s) => ({ ...s, auto: { enabled: true, keep: 5 } }));
    expect(await runAutoBackup(journal, { now: new Date(2026, 9, 1, 10) })).toBe('saved');
    expect(await runAutoBackup(journal, { now: new Date(2026, 9, 7, 23, 59) })).toBe('not-due');
    expect(await runAutoBackup(journal, { now: new Date(2026, 9, 8, 10) })).toBe('saved');
  });

  test('a stored time that is no usable moment counts as no backup, it does not break the page', () => {
    for (const lastBackupAt of ['yesterday', '+275760-09-13T00:00:00.000Z', ''])
      expect(daysSinceBackup({ ...DEFAULT_BACKUP_STATE, lastBackupAt })).toBeNull();
  });

  test('a DST change in between (a 23-hour day) does not make 30 days 29', async () => {
    for (const tz of ['Australia/Sydney', 'Europe/Berlin', 'America/New_York']) {
      process.env.TZ = tz;
      // Sydney springs forward on 4 Oct 2026, Berlin on 29 Mar, New York on 8 Mar.
      const [y, m] = tz === 'Australia/Sydney' ? [2026, 9] : [2026, 2];
      const state = await recordBackup(new Date(y, m, 1, 10));
      expect(daysSinceBackup(state, new Date(y, m, 31, 10)), tz).toBe(30);
      expect(backupDue(state, null, new Date(y, m, 31, 10)), tz).toBe(true);
      expect(
        backupDue(
          { ...state, lastBackupAt: null },
          `${y}-${String(m + 1).padStart(2, '0')}-01`,
          new Date(y, m, 31, 10),
        ),
        tz,
      ).toBe(true);
    }
  });
});

describe('automatic weekly backup', () => {
  test('off by default; on: a dated JSON file in the PT Journal folder, then only when a week has passed', async () => {
    await journal.saveEntry({ date: '2026-10-01', pain: 3, updatedAt: '2026-10-01T10:00:00.000Z' });
    expect(await runAutoBackup(journal, { now: at('2026-10-01') })).toBe('off');
    await updateBackupState((s) => ({ ...s, auto: { enabled: true, keep: 2 } }));
    expect(await runAutoBackup(journal, { now: at('2026-10-01') })).toBe('saved');
    expect(downloads[0]!.filename).toBe('PT Journal/pt-journal-backup-2026-10-01.json');
    expect(await runAutoBackup(journal, { now: at('2026-10-05') })).toBe('not-due');
    expect(await runAutoBackup(journal, { now: at('2026-10-08') })).toBe('saved');
    expect((await loadBackupState()).lastBackupAt).toBe(at('2026-10-08').toISOString());
  });

  test('keeps the last N of its own files: older ones are removed where the browser still can', async () => {
    await updateBackupState((s) => ({ ...s, auto: { enabled: true, keep: 2 } }));
    for (const day of ['2026-10-01', '2026-10-08', '2026-10-15', '2026-10-22'])
      expect(await runAutoBackup(journal, { now: at(day) })).toBe('saved');
    expect(removed).toEqual([1, 2]);
    expect((await loadBackupState()).files.map((f) => f.id)).toEqual([3, 4]);
  });

  test('without the permission, or when the download fails, it says why and keeps the journal as is', async () => {
    await updateBackupState((s) => ({ ...s, auto: { enabled: true, keep: 5 } }));
    granted = false;
    expect(await runAutoBackup(journal, { now: at('2026-10-01') })).toBe('permission');
    expect((await loadBackupState()).lastError).toBe('permission');
    granted = true;
    (fakeBrowser as unknown as { downloads: { download: () => Promise<number> } }).downloads.download = () =>
      Promise.reject(new Error('Invalid filename'));
    expect(await runAutoBackup(journal, { now: at('2026-10-01') })).toBe('failed');
    expect((await loadBackupState()).lastError).toBe('Invalid filename');
    expect((await loadBackupState()).lastBackupAt).toBeNull();
  });

  test("where there are no Blob URLs (Chrome's service worker) the file goes as a data: URL with the same bytes", async () => {
    await journal.saveEntry({
      date: '2026-10-01',
      pain: 3,
      note: 'Ça va',
      updatedAt: '2026-10-01T10:00:00.000Z',
    });
    await updateBackupState((s) => ({ ...s, auto: { enabled: true, keep: 5 } }));
    vi.spyOn(URL, 'createObjectURL').mockImplementation(undefined as never);
    (URL as { createObjectURL?: unknown }).createObjectURL = undefined;
    try {
      expect(await runAutoBackup(journal, { now: at('2026-10-01') })).toBe('saved');
    } finally {
      vi.restoreAllMocks();
    }
    const url = downloads[0]!.url;
    expect(url.startsWith('data:application/json;base64,')).toBe(true);
    const text = new TextDecoder().decode(Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0)));
    expect(JSON.parse(text).entries[0]).toMatchObject({ date: '2026-10-01', note: 'Ça va' });
  });
});

test('settings: two tabs muting sites at once both persist (one writer at a time)', async () => {
  const slowly = (host: string) =>
    updateSettings((s) => ({ ...s, caution: { ...s.caution, mutedHosts: [...s.caution.mutedHosts, host] } }));
  await Promise.all([slowly('a.example'), slowly('b.example'), slowly('c.example')]);
  expect((await loadSettings()).caution.mutedHosts.sort()).toEqual(['a.example', 'b.example', 'c.example']);
  // a failing writer does not block the next one
  await expect(exclusive('settings', () => Promise.reject(new Error('x')))).rejects.toThrow('x');
  await slowly('d.example');
  expect((await loadSettings()).caution.mutedHosts).toContain('d.example');
});
