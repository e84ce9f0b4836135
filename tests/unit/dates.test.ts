import { addDays, dayRange, daysBetween, isDay, isSmallHours, localDay, weekday } from '@/utils/dates';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('local calendar days', () => {
  test('a moment belongs to the local day, not the UTC day', () => {
    const moment = new Date('2026-03-01T23:30:00Z');
    process.env.TZ = 'America/Los_Angeles'; // UTC-8: still the afternoon of March 1
    expect(localDay(moment)).toBe('2026-03-01');
    process.env.TZ = 'Asia/Tokyo'; // UTC+9: already March 2
    expect(localDay(moment)).toBe('2026-03-02');
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    expect(localDay(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-02');
  });

  test('midnight to 3 a.m. counts as the small hours, 3 a.m. does not', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(isSmallHours(new Date(2026, 2, 1, 0, 0))).toBe(true);
    expect(isSmallHours(new Date(2026, 2, 1, 2, 59))).toBe(true);
    expect(isSmallHours(new Date(2026, 2, 1, 3, 0))).toBe(false);
    expect(isSmallHours(new Date(2026, 2, 1, 23, 59))).toBe(false);
  });

  test('day arithmetic is immune to DST (23- and 25-hour days)', () => {
    process.env.TZ = 'America/New_York';
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08'); // spring forward on the 8th
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02'); // fall back on Nov 1
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(dayRange('2026-10-30', '2026-11-03')).toEqual([
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    // local day of the instant right after the clocks change
    expect(localDay(new Date('2026-03-08T07:30:00Z'))).toBe('2026-03-08'); // 03:30 EDT
  });

  test('validates real calendar dates only', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(isDay(20260101)).toBe(false);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekday('2026-11-23')).toBe(1); // a Monday
  });
});
