/**
 * The English message keys as a type, read by tsc straight from locales/en/*.json (resolveJsonModule; type-only
 * imports, so nothing reaches a bundle). `t('aKeyThatDoesNotExist')` fails `npm run check`.
 * A new locales/en/<surface>.json must be added here: tests/unit/i18n.test.ts fails until it is.
 */
import type caution from '../locales/en/caution.json';
import type common from '../locales/en/common.json';
import type components from '../locales/en/components.json';
import type data from '../locales/en/data.json';
import type errors from '../locales/en/errors.json';
import type help from '../locales/en/help.json';
import type keyboard from '../locales/en/keyboard.json';
import type options from '../locales/en/options.json';
import type popup from '../locales/en/popup.json';
import type progress from '../locales/en/progress.json';
import type sources from '../locales/en/sources.json';
import type reminders from '../locales/en/reminders.json';
import type safety from '../locales/en/safety.json';
import type welcome from '../locales/en/welcome.json';

type Files = [
  typeof caution,
  typeof common,
  typeof components,
  typeof data,
  typeof errors,
  typeof help,
  typeof keyboard,
  typeof options,
  typeof popup,
  typeof progress,
  typeof sources,
  typeof reminders,
  typeof safety,
  typeof welcome,
];

/** Keys of each file, distributed over the union (a plain `keyof` of a union keeps only the shared keys). */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** Every key of every English message file. */
export type EnglishMessageKey = Extract<KeysOf<Files[number]>, string>;
