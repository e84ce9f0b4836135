/** The content script's hand-written guards must accept and reject exactly what the valibot schemas do. */
import * as v from 'valibot';
import { isCautionSection } from '@/utils/caution/settings';
import { CautionCheckReply } from '@/utils/messages';
import { isCheckReply } from '@/utils/caution/content';
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
  { show: true },
  { show: false },
  { show: 1 },
  {},
  { show: true, earlyPostSurgery: true },
  undefined,
  null,
  [true],
  'show',
];

test.each(replies.map((r) => [JSON.stringify(r) ?? 'undefined', r]))('check reply %s', (_name, reply) => {
  expect(isCheckReply(reply)).toBe(v.safeParse(CautionCheckReply, reply).success);
});
