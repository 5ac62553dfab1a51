import { Type } from '@sinclair/typebox';

/**
 * A query value the page's own parser reads, of any length: a value too long for it is dropped
 * with a hint or ignored, never a 422 (directory search links come from bookmarks and newsletters).
 */
export const LenientText = () => Type.Optional(Type.String());
