import { onPageCommand, sendPageCommand, PENDING_MS } from '@/utils/keyboard/bus';

describe('page command bus', () => {
  it('hands a command nobody handled to the next section that subscribes, once', () => {
    expect(sendPageCommand({ type: 'history:add' })).toBe(false);
    const seen: string[] = [];
    const off = onPageCommand((c) => {
      seen.push(c.type);
      return c.type === 'history:add';
    });
    const off2 = onPageCommand((c) => void seen.push(`second ${c.type}`));
    expect(seen).toEqual(['history:add']);
    off();
    off2();
  });
  it('drops a waiting command after a few seconds', () => {
    vi.useFakeTimers();
    try {
      sendPageCommand({ type: 'export', kind: 'json' });
      vi.advanceTimersByTime(PENDING_MS + 1);
      const seen: string[] = [];
      const off = onPageCommand((c) => void seen.push(c.type));
      expect(seen).toEqual([]);
      off();
    } finally {
      vi.useRealTimers();
    }
  });
});
