/** LIKE and ILIKE patterns from user text: %, _ and the backslash match themselves, not anything. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, '\\$&');

/** Matches values that contain the text anywhere. */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;

/** Matches values that start with the text. */
export const startsWithPattern = (text: string): string => `${escapeLike(text)}%`;
