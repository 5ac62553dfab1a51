import { auditPersonalData } from '../audit/audit.privacy.js';
import { outboxPersonalData } from '../mail/mail.privacy.js';
import { mediaPersonalData } from '../media/media.privacy.js';
import type { PersonalDataDeclaration } from './declarations.js';

/** The platform's own tables that hold personal data; modules register theirs. */
export const platformPersonalData: PersonalDataDeclaration[] = [outboxPersonalData, ...auditPersonalData, mediaPersonalData];
