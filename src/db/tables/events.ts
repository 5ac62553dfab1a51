/** Table types of the events module (Veranstaltungskalender); `DB` in ../types.ts extends this. */
export interface EventsTables {}
