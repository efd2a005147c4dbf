// antd's date pickers hold dayjs values in the browser's zone; operators pick China time. So a picker value is a
// Shanghai wall-clock time carried in a dayjs (its fields, not its zone, are what counts), converted at the edges.
import { fromShanghaiWallClock, toShanghaiWallClock } from '@display';
// dayjs comes with antd (its date pickers' value type); it is not a dependency of its own.
import dayjs, { type Dayjs } from 'dayjs';

export const PICKER_FORMAT = 'YYYY-MM-DD HH:mm';

/** An ISO instant → a picker value showing it in Asia/Shanghai; null stays empty. */
export function toPickerValue(instant: string | null | undefined): Dayjs | null {
  const wall = instant ? toShanghaiWallClock(instant) : null;
  return wall ? dayjs(wall) : null;
}

/** A picker value read as Asia/Shanghai → the ISO instant the API takes; empty stays null. */
export function fromPickerValue(value: Dayjs | null | undefined): string | null {
  return value ? fromShanghaiWallClock(value.format('YYYY-MM-DD HH:mm:ss')) : null;
}
