// @vitest-environment happy-dom
/**
 * The caution content script's lifetime (utils/caution/lifetime.ts): plain callbacks, no AbortController (issue #9,
 * script time on every page). Once the extension is gone (`runtime.id` disappears, as after an update or reload), the
 * clean-ups run once, pending timers never fire, and address changes are no longer reported.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLifetime } from '@/utils/caution/lifetime';

afterEach(() => {
  vi.useRealTimers();
  history.replaceState(null, '', '/');
});

test('while valid: timers fire and address changes are reported (the fallback look once a second)', () => {
  vi.useFakeTimers();
  const life = createLifetime();
  const fired = vi.fn();
  const moved = vi.fn();
  life.setTimeout(fired, 500);
  life.onLocationChange(moved);
  vi.advanceTimersByTime(500);
  expect(fired).toHaveBeenCalledTimes(1);
  history.pushState(null, '', '/exercises/knee');
  vi.advanceTimersByTime(1000);
  expect(moved).toHaveBeenCalledTimes(1);
  expect(moved.mock.calls[0]?.[0]).toMatch(/\/exercises\/knee$/);
  expect(life.isValid).toBe(true);
});

test('once the extension is gone: clean-ups run once, timers and address changes stay silent', () => {
  vi.useFakeTimers();
  const life = createLifetime();
  const cleanup = vi.fn();
  const fired = vi.fn();
  const moved = vi.fn();
  life.onInvalidated(cleanup);
  life.setTimeout(fired, 500);
  life.onLocationChange(moved);
  const id = fakeBrowser.runtime.id;
  Object.defineProperty(fakeBrowser.runtime, 'id', { value: undefined, configurable: true });
  try {
    expect(life.isValid).toBe(false);
    expect(life.isValid).toBe(false);
    expect(cleanup).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '/somewhere-else');
    vi.advanceTimersByTime(5000);
    expect(fired).not.toHaveBeenCalled();
    expect(moved).not.toHaveBeenCalled();
    const late = vi.fn();
    life.onInvalidated(late); // registered after the end: runs at once
    expect(late).toHaveBeenCalledTimes(1);
  } finally {
    Object.defineProperty(fakeBrowser.runtime, 'id', { value: id, configurable: true });
  }
});
