/**
 * A 0-10 rating control, keyboard-first like a code editor: focus it and type a digit ("1" then "0" quickly gives
 * 10), arrows/PageUp/PageDown/Home/End adjust, Delete clears (for optional fields). Also clickable cells.
 * ARIA slider: its accessible name is the visible label (so "Pain…" for pain); while nothing is chosen
 * aria-valuetext says "not recorded" (aria-valuenow must still be present for a slider).
 */
import { useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';

/** How long after a "1" a "0" still means 10. */
export const TEN_WINDOW_MS = 800;

export interface ScaleInputProps {
  id: string;
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  minLabel: string;
  maxLabel: string;
  /** Extra description read after the anchors (e.g. "required"). */
  hint?: string;
  autoFocus?: boolean;
  clearable?: boolean;
  inputRef?: (el: HTMLDivElement | null) => void;
}

/** The next value for a key press, or null when the key is not ours. Pure, for tests. */
export function nextScaleValue(
  key: string,
  current: number | undefined,
  last: { digit: string; at: number } | null,
  now: number,
  clearable: boolean,
): number | undefined | null {
  if (/^[0-9]$/.test(key)) {
    if (key === '0' && last?.digit === '1' && now - last.at <= TEN_WINDOW_MS && current === 1) return 10;
    return Number(key);
  }
  const base = current ?? -1;
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return Math.min(10, base + 1);
    case 'ArrowDown':
    case 'ArrowLeft':
      return current === undefined ? 0 : Math.max(0, current - 1);
    case 'PageUp':
      return Math.min(10, Math.max(0, base) + 3);
    case 'PageDown':
      return Math.max(0, (current ?? 0) - 3);
    case 'Home':
      return 0;
    case 'End':
      return 10;
    case 'Delete':
    case 'Backspace':
      return clearable ? undefined : null;
    default:
      return null;
  }
}

export function ScaleInput(props: ScaleInputProps) {
  const { id, label, value, onChange, minLabel, maxLabel, hint, autoFocus, clearable = true } = props;
  const last = useRef<{ digit: string; at: number } | null>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const next = nextScaleValue(e.key, value, last.current, e.timeStamp || performance.now(), clearable);
    if (next === null) return;
    e.preventDefault();
    last.current = /^[0-9]$/.test(e.key) ? { digit: e.key, at: e.timeStamp || performance.now() } : null;
    if (next !== value) onChange(next);
  };

  const valueText =
    value === undefined
      ? t('scaleNotRecorded')
      : value === 0
        ? `0, ${minLabel}`
        : value === 10
          ? `10, ${maxLabel}`
          : String(value);

  return (
    <div class="scale" data-testid={`scale-${id}`}>
      <div class="scale-head">
        <span id={`${id}-label`} class="scale-label">
          {label}
        </span>
        <span class="scale-value" aria-hidden="true">
          {value ?? '–'}
        </span>
      </div>
      <div
        id={id}
        ref={props.inputRef}
        role="slider"
        tabIndex={0}
        class={`scale-track${value === undefined ? ' unset' : ''}`}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-anchors`}
        aria-valuemin={0}
        aria-valuemax={10}
        aria-valuenow={value ?? 0}
        aria-valuetext={valueText}
        autoFocus={autoFocus}
        onKeyDown={onKeyDown}
      >
        {Array.from({ length: 11 }, (_, i) => (
          <span
            key={i}
            class={`scale-cell${value === i ? ' on' : ''}${value !== undefined && i < value ? ' below' : ''}`}
            aria-hidden="true"
            onClick={(e) => {
              (e.currentTarget.parentElement as HTMLElement | null)?.focus();
              onChange(i);
            }}
          >
            {i}
          </span>
        ))}
      </div>
      <div id={`${id}-anchors`} class="scale-anchors">
        <span>0 = {minLabel}</span>
        {hint && <span class="scale-hint">{hint}</span>}
        <span>10 = {maxLabel}</span>
      </div>
    </div>
  );
}
