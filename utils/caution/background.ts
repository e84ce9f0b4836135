/** Background side of the caution banner (issue #4): handles content → background messages. */
import type { Journal } from '../db/journal';

export function registerCautionHandlers(_journal: Journal): void {}
