import { auditPersonalData } from '../audit/audit.privacy.js';
import { outboxMentionsErased, outboxPersonalData } from '../mail/mail.privacy.js';
import { mediaPersonalData, videoPersonalData } from '../media/media.privacy.js';
import { notificationPersonalData } from '../notifications/notifications.privacy.js';
import { translationsPersonalData } from '../translations/translations.privacy.js';
import type { ErasureStep, PersonalDataDeclaration } from './declarations.js';

/** The platform's own tables that hold personal data; modules register theirs. */
export const platformPersonalData: PersonalDataDeclaration[] = [
  outboxPersonalData,
  ...auditPersonalData,
  mediaPersonalData,
  videoPersonalData,
  translationsPersonalData,
  ...notificationPersonalData,
];
export const platformErasureSteps: ErasureStep[] = [outboxMentionsErased];
