/**
 * A labelled group of native radio buttons (arrow keys move between them, as browsers do). Nothing chosen means
 * "not recorded"; Delete or Backspace on a chosen option clears the choice.
 */
export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  choices: Choice<T>[];
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  layout?: 'row' | 'column';
}

export function ChoiceGroup<T extends string>({
  name,
  legend,
  choices,
  value,
  onChange,
  layout = 'row',
}: ChoiceGroupProps<T>) {
  return (
    <fieldset class={`choices ${layout}`}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value} class={`choice${value === c.value ? ' on' : ''}`}>
          <input
            type="radio"
            name={name}
            value={c.value}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            onKeyDown={(e) => {
              if ((e.key === 'Delete' || e.key === 'Backspace') && value !== undefined) {
                e.preventDefault();
                onChange(undefined);
              }
            }}
          />
          <span class="choice-text">
            <span class="choice-label">{c.label}</span>
            {c.hint && <span class="choice-hint">{c.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
