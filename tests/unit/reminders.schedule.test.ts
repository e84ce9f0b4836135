import {
  badgeThreshold,
  currentStreak,
  nextBadgeChangeAt,
  nextMidnight,
  nextReminderAt,
  offsetAt,
  shouldShowBadge,
  zonedDay,
  zonedToInstant,
  HOUR,
} from '@/utils/reminders/schedule';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedToInstant', () => {
  test('an ordinary day in winter and in summer', () => {
    expect(iso(zonedToInstant('2026-01-15', 20 * 60, NY))).toBe('2026-01-16T01:00:00.000Z');
    expect(iso(zonedToInstant('2026-07-15', 20 * 60, NY))).toBe('2026-07-16T00:00:00.000Z');
    expect(iso(zonedToInstant('2026-07-15', 20 * 60, 'Europe/Berlin'))).toBe('2026-07-15T18:00:00.000Z');
    expect(iso(zonedToInstant('2026-07-15', 9 * 60 + 15, 'Asia/Kolkata'))).toBe('2026-07-15T03:45:00.000Z');
  });

  test('a time skipped by spring forward maps to the jump itself (the next valid instant)', () => {
    // 2026-03-08 in New York: 02:00 EST becomes 03:00 EDT (07:00Z).
    expect(iso(zonedToInstant('2026-03-08', 2 * 60 + 30, NY))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedToInstant('2026-03-08', 2 * 60, NY))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedToInstant('2026-03-08', 3 * 60, NY))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedToInstant('2026-03-08', 1 * 60 + 59, NY))).toBe('2026-03-08T06:59:00.000Z');
  });

  test('a time repeated by fall back maps to its first occurrence', () => {
    // 2026-11-01 in New York: 02:00 EDT becomes 01:00 EST, so 01:30 happens at 05:30Z and again at 06:30Z.
    expect(iso(zonedToInstant('2026-11-01', 90, NY))).toBe('2026-11-01T05:30:00.000Z');
    expect(offsetAt(at('2026-11-01T05:30:00Z'), NY)).toBe(-4 * HOUR);
    expect(offsetAt(at('2026-11-01T06:30:00Z'), NY)).toBe(-5 * HOUR);
  });
});

describe('nextReminderAt', () => {
  test('later today, or tomorrow once the time has passed', () => {
    expect(iso(nextReminderAt(at('2026-01-15T15:00:00Z'), '20:00', NY))).toBe('2026-01-16T01:00:00.000Z');
    expect(iso(nextReminderAt(at('2026-01-16T01:00:00Z'), '20:00', NY))).toBe('2026-01-17T01:00:00.000Z');
    expect(iso(nextReminderAt(at('2026-01-16T02:00:00Z'), '20:00', NY))).toBe('2026-01-17T01:00:00.000Z');
  });

  test('keeps the local time across spring forward (23-hour day)', () => {
    const first = nextReminderAt(at('2026-03-07T12:00:00Z'), '20:00', NY);
    expect(iso(first)).toBe('2026-03-08T01:00:00.000Z'); // Sat 20:00 EST
    const second = nextReminderAt(first, '20:00', NY);
    expect(iso(second)).toBe('2026-03-09T00:00:00.000Z'); // Sun 20:00 EDT
    expect(second - first).toBe(23 * HOUR);
  });

  test('keeps the local time across fall back (25-hour day)', () => {
    const first = nextReminderAt(at('2026-10-31T12:00:00Z'), '08:00', NY);
    // Exactly at Saturday's 08:00 EDT: that one is due now, so the next is Sunday's.
    expect(iso(first)).toBe('2026-11-01T13:00:00.000Z');
    const sat = nextReminderAt(at('2026-10-31T11:00:00Z'), '08:00', NY);
    expect(iso(sat)).toBe('2026-10-31T12:00:00.000Z'); // Sat 08:00 EDT
    const sun = nextReminderAt(sat, '08:00', NY);
    expect(iso(sun)).toBe('2026-11-01T13:00:00.000Z'); // Sun 08:00 EST
    expect(sun - sat).toBe(25 * HOUR);
  });

  test('a reminder in the spring-forward gap fires at 03:00 that day, then at 02:30 again the next day', () => {
    const fire = nextReminderAt(at('2026-03-08T05:00:00Z'), '02:30', NY); // Sun 00:00 EST
    expect(iso(fire)).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(nextReminderAt(fire, '02:30', NY))).toBe('2026-03-09T06:30:00.000Z');
  });

  test('a reminder in the repeated fall-back hour fires once', () => {
    const fire = nextReminderAt(at('2026-11-01T04:00:00Z'), '01:30', NY); // Sun 00:00 EDT
    expect(iso(fire)).toBe('2026-11-01T05:30:00.000Z');
    // Asked again right after it fired (and during the repeated hour): tomorrow, not 06:30Z today.
    expect(iso(nextReminderAt(fire + 1000, '01:30', NY))).toBe('2026-11-02T06:30:00.000Z');
    expect(iso(nextReminderAt(at('2026-11-01T06:00:00Z'), '01:30', NY))).toBe('2026-11-02T06:30:00.000Z');
  });

  test('a changed reminder time takes effect the same day when still ahead', () => {
    const now = at('2026-01-15T23:30:00Z'); // 18:30 EST
    expect(iso(nextReminderAt(now, '20:00', NY))).toBe('2026-01-16T01:00:00.000Z');
    expect(iso(nextReminderAt(now, '18:00', NY))).toBe('2026-01-16T23:00:00.000Z');
    expect(iso(nextReminderAt(now, '18:45', NY))).toBe('2026-01-15T23:45:00.000Z');
  });

  test('rejects a malformed time', () => {
    expect(() => nextReminderAt(0, '25:00', NY)).toThrow(RangeError);
  });
});

describe('days and midnights', () => {
  test('zonedDay uses the zone, not UTC', () => {
    expect(zonedDay(at('2026-01-16T03:00:00Z'), NY)).toBe('2026-01-15');
    expect(zonedDay(at('2026-01-16T03:00:00Z'), 'Europe/Berlin')).toBe('2026-01-16');
  });

  test('nextMidnight across DST days', () => {
    expect(iso(nextMidnight(at('2026-03-08T12:00:00Z'), NY))).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(nextMidnight(at('2026-03-07T12:00:00Z'), NY))).toBe('2026-03-08T05:00:00.000Z');
    // Santiago springs forward at midnight (2026-09-06 00:00 → 01:00): the day starts at 01:00.
    expect(iso(nextMidnight(at('2026-09-05T12:00:00Z'), 'America/Santiago'))).toBe(
      '2026-09-06T04:00:00.000Z',
    );
  });
});

describe('badge rules', () => {
  const off = { reminder: { enabled: false, time: '20:00' }, badge: { eveningHour: 18 } };
  const on = { reminder: { enabled: true, time: '21:30' }, badge: { eveningHour: 18 } };

  test('threshold is the evening hour when reminders are off, the reminder time when on', () => {
    expect(iso(badgeThreshold('2026-01-15', off, NY))).toBe('2026-01-15T23:00:00.000Z');
    expect(iso(badgeThreshold('2026-01-15', on, NY))).toBe('2026-01-16T02:30:00.000Z');
  });

  test('shows only when not logged and past the threshold', () => {
    const before = at('2026-01-15T22:59:00Z');
    const after = at('2026-01-15T23:00:00Z');
    expect(shouldShowBadge(before, false, off, NY)).toBe(false);
    expect(shouldShowBadge(after, false, off, NY)).toBe(true);
    expect(shouldShowBadge(after, true, off, NY)).toBe(false);
    expect(shouldShowBadge(after, false, on, NY)).toBe(false);
    expect(shouldShowBadge(at('2026-01-16T02:30:00Z'), false, on, NY)).toBe(true);
    // After local midnight a new day starts: hidden again until its threshold.
    expect(shouldShowBadge(at('2026-01-16T05:01:00Z'), false, on, NY)).toBe(false);
  });

  test('next change is the threshold while ahead, otherwise midnight', () => {
    expect(iso(nextBadgeChangeAt(at('2026-01-15T15:00:00Z'), off, NY))).toBe('2026-01-15T23:00:00.000Z');
    expect(iso(nextBadgeChangeAt(at('2026-01-15T23:00:00Z'), off, NY))).toBe('2026-01-16T05:00:00.000Z');
  });
});

describe('currentStreak', () => {
  test('counts consecutive days ending today', () => {
    expect(currentStreak(['2026-01-13', '2026-01-14', '2026-01-15'], '2026-01-15')).toBe(3);
    expect(currentStreak(['2026-01-11', '2026-01-13', '2026-01-14', '2026-01-15'], '2026-01-15')).toBe(3);
  });

  test('an unlogged today keeps yesterday’s streak; a missed yesterday ends it', () => {
    expect(currentStreak(['2026-01-13', '2026-01-14'], '2026-01-15')).toBe(2);
    expect(currentStreak(['2026-01-12', '2026-01-13'], '2026-01-15')).toBe(0);
    expect(currentStreak([], '2026-01-15')).toBe(0);
  });

  test('crosses month, year and DST boundaries by calendar day', () => {
    expect(currentStreak(['2025-12-30', '2025-12-31', '2026-01-01'], '2026-01-01')).toBe(3);
    expect(currentStreak(['2026-03-07', '2026-03-08', '2026-03-09'], '2026-03-09')).toBe(3);
    expect(currentStreak(['2024-02-28', '2024-02-29', '2024-03-01'], '2024-03-01')).toBe(3);
  });
});
