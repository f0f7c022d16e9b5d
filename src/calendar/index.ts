export { createCalendar, calendarCoverage } from "./calendar";
export type { KaoheCalendar } from "./calendar";
export type { WorkCalendar } from "./types";
export { builtinDayName } from "./builtin";
export {
  dayNumber,
  tryDayNumber,
  isoFromDay,
  weekdayOfDay,
  yearOfDay,
  yearStartDay,
  daysInMonth,
} from "./days";
