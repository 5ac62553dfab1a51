import type { Locale } from '../../platform/i18n/i18n.js';
import { auditActions, auditSubjects, auditWords } from './audit-words.messages.js';

type AuditAction = Parameters<ReturnType<typeof auditWords>>[0];

/** Whether the audit log has a sentence for an action. */
export function hasAuditWords(action: string): boolean {
  return auditActions.has(action);
}

/** One audit entry as a sentence; entries written before a detail existed fall back to naming the action. */
export function describeAuditEntry(action: string, details: Record<string, unknown>, locale: Locale): string {
  const t = auditWords(locale);
  if (!hasAuditWords(action)) return t('unknown', { action });
  const vars = Object.fromEntries(
    Object.entries(details).map(([key, value]) => [key, typeof value === 'number' ? value : typeof value === 'string' ? value : JSON.stringify(value)]),
  );
  try {
    const sentence = t(action as AuditAction, vars);
    // A plain template leaves a missing detail as {name}; ICU templates throw instead.
    return /\{\w+\}/.test(sentence) ? t('unknown', { action }) : sentence;
  } catch {
    return t('unknown', { action });
  }
}

export function describeAuditSubject(type: string, locale: Locale): string {
  return auditSubjects(locale)('subject', { type });
}
