import { Type } from '@sinclair/typebox';
import { params } from '../../platform/http/routes.js';

/**
 * A query value the page's own parser reads, of any length: a value too long for it is dropped
 * with a hint or ignored, never a 422 (directory search links come from bookmarks and newsletters).
 */
export const LenientText = () => Type.Optional(Type.String());

/**
 * An id in a path, exactly as PostgreSQL's uuid reads it. The platform's Id() (format "uuid") also
 * lets "urn:uuid:…" through, which PostgreSQL refuses with an error (500) instead of a 404.
 */
export const Uuid = () => Type.String({ format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' });

/** `/:id` with a strict id. */
export const UuidParams = params({ id: Uuid() });
