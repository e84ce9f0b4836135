/** The content script's hand-written guards must accept and reject exactly what the valibot schemas do. */
import * as v from 'valibot';
import { isCautionSection } from '@/utils/caution/settings';
import { CautionStatusReply, isCautionStatusReply } from '@/utils/messages';
import { SettingsSchema } from '@/utils/settings';

const sections: unknown[] = [
  { enabled: true, mutedHosts: [] },
  { enabled: false, mutedHosts: ['www.example.org', 'physio-blog.de'] },
  { enabled: 'yes', mutedHosts: [] },
  { enabled: true, mutedHosts: ['bad host'] },
  { enabled: true, mutedHosts: [''] },
  { enabled: true, mutedHosts: ['a'.repeat(254)] },
  { enabled: true, mutedHosts: Array.from({ length: 1001 }, (_, i) => `h${i}.example`) },
  { enabled: true, mutedHosts: [42] },
  { enabled: true },
  { enabled: true, mutedHosts: [], extra: 1 },
  null,
  [],
  'caution',
];

test.each(sections.map((s) => [JSON.stringify(s)?.slice(0, 60), s]))(
  'caution section %s',
  (_name, section) => {
    expect(isCautionSection(section)).toBe(v.safeParse(SettingsSchema.entries.caution, section).success);
  },
);

const replies: unknown[] = [
  { earlyPostSurgery: true, dismissed: false },
  { earlyPostSurgery: false, dismissed: true },
  { earlyPostSurgery: 1, dismissed: false },
  { earlyPostSurgery: true },
  { earlyPostSurgery: true, dismissed: false, date: '2026-01-01' },
  undefined,
  [true, false],
];

test.each(replies.map((r) => [JSON.stringify(r) ?? 'undefined', r]))('status reply %s', (_name, reply) => {
  expect(isCautionStatusReply(reply)).toBe(v.safeParse(CautionStatusReply, reply).success);
});
