/** Table types of the holidays module (Ferienbetreuung); `DB` in ../types.ts extends this. */
export interface HolidaysTables {}
