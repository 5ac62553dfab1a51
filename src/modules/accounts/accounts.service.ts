import { storedLocale } from '../../platform/i18n/i18n.js';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { DB, Role } from '../../db/types.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashPassword, passwordProblem, verifyAgainstNothing, verifyPassword } from '../../platform/auth/passwords.js';
import type { Actor } from '../../platform/auth/roles.js';
import { createSession, destroyAllSessions, destroySession, sessionSettings } from '../../platform/auth/sessions.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import { ensure } from '../../platform/auth/guard.js';
import type { CityProfile } from '../../platform/city.js';
import { AppError } from '../../platform/http/errors.js';
import { consumeRateLimit, type Limit } from '../../platform/http/rate-limit.js';
import { acceptAccountAttempt, countAccountAttempt, loginLimits, type AccountLimits } from '../../platform/auth/account-limits.js';
import type { Locale } from '../../platform/i18n/i18n.js';
import type { Executor } from '../../db/executor.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import type { PrivacyRegistry } from '../../platform/privacy/privacy.js';
import { accountsPolicy, isLastAdmin } from './accounts.policy.js';
import * as tokenRepo from './auth-tokens.repository.js';
import * as consentRepo from './consents.repository.js';
import * as organizationRepo from './organizations.repository.js';
import * as userRepo from './users.repository.js';
import { accountMessages } from './accounts.messages.js';
import { accountMail } from './emails/account-emails.js';

export const privacyNoticeVersion = '2026-11';

const hours = (n: number) => new Date(Date.now() + n * 3_600_000);

export interface AccountsDeps {
  db: Kysely<DB>;
  config: Config;
  mail: Mailer;
  city: CityProfile;
  privacy: PrivacyRegistry;
}

/** Who is making the request, as far as rate limits need to know. */
export interface Origin {
  ip: string;
  locale: Locale;
}

/**
 * The rules of accounts: registration, confirmation, the two logins, password reset,
 * "Mein Konto" and the admin's user management. Owns its transactions; mails go through the queue.
 */
export function createAccountsService(deps: AccountsDeps) {
  const { db, config, mail, city, privacy } = deps;
  const settings = sessionSettings(config);
  const limit = (bucket: string, max = config.rateLimitMax, windowSeconds = 900): Limit => ({ bucket, max, windowSeconds });
  const passwordLimits = loginLimits(config);
  // Mailed links: few per address from one source, a ceiling per address against mail bombing.
  const mailLimits = (bucket: string): AccountLimits => ({
    bucket,
    perAccountAndSource: 3,
    perSource: config.rateLimitMax,
    perAccount: 10,
    windowSeconds: 900,
  });
  const link = (path: string, token: string) => `${config.publicUrl}${path}?token=${encodeURIComponent(token)}`;
  const mailFor = (user: { email: string; display_name: string; locale: string }, kind: Parameters<typeof accountMail>[0], url?: string) =>
    accountMail(kind, { to: user.email, locale: storedLocale(user.locale), name: user.display_name, portalName: city.portalName, link: url });

  function passwordError(password: string, locale: Locale): void {
    const problem = passwordProblem(password);
    if (problem) {
      const t = accountMessages(locale);
      throw new AppError('validation_failed', t(`password.${problem}`), { fields: { password: t(`password.${problem}`) } });
    }
  }

  async function issueToken(executor: Executor, userId: string, purpose: 'confirm_email' | 'login_link' | 'password_reset', validHours: number) {
    const token = newToken();
    // A new sign-in or reset link leaves earlier ones valid (using one ends them all), so whoever
    // else asks for a link for the address cannot spoil the one in its owner's inbox.
    if (purpose === 'confirm_email') await tokenRepo.invalidateTokens(executor, userId, purpose);
    await tokenRepo.insertToken(executor, { tokenHash: hashToken(token), userId, purpose, expiresAt: hours(validHours) });
    return token;
  }

  return {
    /** Same answer whether or not the address is known; a known address gets a "you have an account" mail. */
    async register(input: { displayName: string; email: string; password: string }, origin: Origin): Promise<void> {
      await consumeRateLimit(db, config.sessionSecret, limit('register:ip'), origin.ip);
      passwordError(input.password, origin.locale);
      const passwordHash = await hashPassword(input.password);
      const t = accountMessages(origin.locale);
      await db.transaction().execute(async (trx) => {
        const existing = await userRepo.findUserByEmail(trx, input.email);
        if (existing) {
          await mail.enqueue(trx, mailFor(existing, 'exists', `${config.publicUrl}/anmelden`));
          return;
        }
        const user = await userRepo.insertUser(trx, { email: input.email, displayName: input.displayName, passwordHash, locale: origin.locale });
        await consentRepo.insertConsent(trx, {
          userId: user.id,
          purpose: 'privacy_notice',
          textVersion: privacyNoticeVersion,
          text: t('register.privacyConsent'),
        });
        const token = await issueToken(trx, user.id, 'confirm_email', 24);
        await recordAudit(trx, { actorId: user.id, action: 'user.registered', subjectType: 'user', subjectId: user.id });
        await mail.enqueue(trx, mailFor(user, 'confirm', link('/konto/bestaetigen', token)));
      });
    },

    async confirmEmail(token: string): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const used = await tokenRepo.consumeToken(trx, hashToken(token), 'confirm_email');
        if (!used) return false;
        await userRepo.updateUser(trx, used.user_id, { email_confirmed_at: new Date() });
        await recordAudit(trx, { actorId: used.user_id, action: 'user.email_confirmed', subjectType: 'user', subjectId: used.user_id });
        return true;
      });
    },

    /** Returns a new session token; the caller's old session (if any) ends, so the id always changes at login. */
    async loginWithPassword(input: { email: string; password: string }, origin: Origin, previousSession: string | null): Promise<string> {
      await countAccountAttempt(db, config.sessionSecret, passwordLimits, input.email, origin.ip);
      const t = accountMessages(origin.locale);
      const user = await userRepo.findUserByEmail(db, input.email);
      const ok = user?.password_hash ? await verifyPassword(user.password_hash, input.password) : (await verifyAgainstNothing(input.password), false);
      if (!user || !ok) throw new AppError('validation_failed', t('login.wrong'), { fields: { email: t('login.wrong') } });
      await acceptAccountAttempt(db, config.sessionSecret, passwordLimits, input.email, origin.ip);
      if (!user.email_confirmed_at) throw new AppError('validation_failed', t('login.unconfirmed'), { fields: { email: t('login.unconfirmed') } });
      return startSession(user.id, previousSession);
    },

    async requestLoginLink(email: string, origin: Origin): Promise<void> {
      await countAccountAttempt(db, config.sessionSecret, mailLimits('link'), email, origin.ip);
      await db.transaction().execute(async (trx) => {
        const user = await userRepo.findUserByEmail(trx, email);
        if (!user) return;
        const token = await issueToken(trx, user.id, 'login_link', 0.25);
        await mail.enqueue(trx, mailFor(user, 'loginLink', link('/anmelden/link/einloesen', token)));
      });
    },

    /** Checking does not use the link up: mail scanners open links, only the button press logs in. */
    async isLinkValid(token: string, purpose: 'login_link' | 'password_reset'): Promise<boolean> {
      return !!(await tokenRepo.findValidToken(db, hashToken(token), purpose));
    },

    async loginWithLink(token: string, origin: Origin, previousSession: string | null): Promise<string> {
      await consumeRateLimit(db, config.sessionSecret, limit('link-use:ip', config.rateLimitMax * 3), origin.ip);
      const userId = await db.transaction().execute(async (trx) => {
        const used = await tokenRepo.consumeToken(trx, hashToken(token), 'login_link');
        if (!used) return null;
        await tokenRepo.invalidateTokens(trx, used.user_id, 'login_link');
        const user = await userRepo.findUserById(trx, used.user_id);
        // The link proves the address, so it also confirms it.
        if (user && !user.email_confirmed_at) await userRepo.updateUser(trx, user.id, { email_confirmed_at: new Date() });
        return used.user_id;
      });
      if (!userId) throw new AppError('invalid_token', accountMessages(origin.locale)('link.invalid'));
      return startSession(userId, previousSession);
    },

    async requestPasswordReset(email: string, origin: Origin): Promise<void> {
      await countAccountAttempt(db, config.sessionSecret, mailLimits('reset'), email, origin.ip);
      await db.transaction().execute(async (trx) => {
        const user = await userRepo.findUserByEmail(trx, email);
        if (!user) return;
        const token = await issueToken(trx, user.id, 'password_reset', 1);
        await mail.enqueue(trx, mailFor(user, 'reset', link('/passwort-neu', token)));
      });
    },

    /** Sets the new password and ends every session of the account. */
    async resetPassword(token: string, password: string, origin: Origin): Promise<void> {
      await consumeRateLimit(db, config.sessionSecret, limit('reset-use:ip', config.rateLimitMax * 3), origin.ip);
      passwordError(password, origin.locale);
      const passwordHash = await hashPassword(password);
      const ok = await db.transaction().execute(async (trx) => {
        const used = await tokenRepo.consumeToken(trx, hashToken(token), 'password_reset');
        if (!used) return false;
        await tokenRepo.invalidateTokens(trx, used.user_id, 'password_reset');
        const user = await userRepo.findUserById(trx, used.user_id);
        if (!user) return false;
        await userRepo.updateUser(trx, user.id, { password_hash: passwordHash, email_confirmed_at: user.email_confirmed_at ?? new Date() });
        await destroyAllSessions(trx, user.id);
        await recordAudit(trx, { actorId: user.id, action: 'user.password_reset', subjectType: 'user', subjectId: user.id });
        await mail.enqueue(trx, mailFor(user, 'passwordChanged', `${config.publicUrl}/passwort-vergessen`));
        return true;
      });
      if (!ok) throw new AppError('invalid_token', accountMessages(origin.locale)('link.invalid'));
    },

    async changePassword(actor: Actor, input: { currentPassword: string; password: string }, origin: Origin): Promise<string> {
      await countAccountAttempt(db, config.sessionSecret, passwordLimits, actor.email, origin.ip);
      const t = accountMessages(origin.locale);
      const user = await userRepo.findUserById(db, actor.id);
      if (!user?.password_hash || !(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new AppError('validation_failed', t('password.currentWrong'), { fields: { currentPassword: t('password.currentWrong') } });
      }
      await acceptAccountAttempt(db, config.sessionSecret, passwordLimits, actor.email, origin.ip);
      passwordError(input.password, origin.locale);
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (trx) => {
        await userRepo.updateUser(trx, user.id, { password_hash: passwordHash });
        await destroyAllSessions(trx, user.id);
        await recordAudit(trx, { actorId: user.id, action: 'user.password_changed', subjectType: 'user', subjectId: user.id });
        await mail.enqueue(trx, mailFor(user, 'passwordChanged', `${config.publicUrl}/passwort-vergessen`));
      });
      return createSession(db, user.id, settings);
    },

    logout: (sessionToken: string) => destroySession(db, sessionToken),

    async account(actor: Actor) {
      const user = await userRepo.findUserById(db, actor.id);
      if (!user) throw new AppError('unauthenticated', 'Bitte melden Sie sich an.');
      const [consents, organizations] = await Promise.all([consentRepo.listConsents(db, actor.id), organizationRepo.listMemberships(db, actor.id)]);
      return { user, consents, organizations };
    },

    async updateProfile(actor: Actor, input: { displayName: string; locale: Locale }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await userRepo.updateUser(trx, actor.id, { display_name: input.displayName, locale: input.locale });
        await recordAudit(trx, { actorId: actor.id, action: 'user.profile_updated', subjectType: 'user', subjectId: actor.id });
      });
    },

    /** Everything we hold about the person, as declared by every module (`*.privacy.ts`). */
    async exportData(actor: Actor): Promise<Record<string, unknown>> {
      const user = await userRepo.findUserById(db, actor.id);
      if (!user) throw new AppError('not_found', 'Benutzerkonto nicht gefunden');
      return { exportiertAm: new Date().toISOString(), portal: city.portalName, ...(await privacy.exportFor(db, { id: user.id, email: user.email })) };
    },

    /** What deleting the account changes for others (released holiday places), for the deletion page. */
    async deletionConsequences(actor: Actor, locale: Locale): Promise<string[]> {
      return privacy.consequences(db, { id: actor.id, email: actor.email }, locale);
    },

    /**
     * Erases the account everywhere, as declared: rows deleted or unlinked, audit entries kept
     * without the person, queued mails and jobs that mention the person purged. The farewell mail
     * is queued in the same transaction and forgotten once it is out.
     */
    async deleteAccount(actor: Actor): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await userRepo.findUserById(trx, actor.id);
        if (!user) return;
        if (isLastAdmin(user, await userRepo.countAdmins(trx))) {
          throw new AppError('conflict', accountMessages(storedLocale(user.locale))('delete.lastAdmin'));
        }
        await privacy.erase(trx, { id: user.id, email: user.email });
        await recordAudit(trx, { actorId: null, action: 'user.deleted', subjectType: 'user', subjectId: null });
        await mail.enqueue(trx, { ...mailFor(user, 'deleted', config.publicUrl), forget: true });
      });
      // The local copies of the purged outbox mails.
      await mail.pruneFiles();
    },

    // --- administration -------------------------------------------------------------------

    async listUsers(actor: Actor, search: { query?: string; role?: Role; page: number }) {
      ensure(accountsPolicy.can(actor, 'users.manage'));
      const pageSize = 50;
      const result = await userRepo.searchUsers(db, { query: search.query, role: search.role, limit: pageSize, offset: (search.page - 1) * pageSize });
      return { ...result, pageSize };
    },

    async userForAdmin(actor: Actor, userId: string) {
      ensure(accountsPolicy.can(actor, 'users.manage'));
      const user = await userRepo.findUserById(db, userId);
      if (!user) throw new AppError('not_found', 'Benutzerkonto nicht gefunden');
      const [organizations, allOrganizations] = await Promise.all([organizationRepo.listMemberships(db, userId), organizationRepo.listOrganizations(db)]);
      return { user, organizations, allOrganizations };
    },

    async changeRole(actor: Actor, userId: string, role: Role): Promise<void> {
      ensure(accountsPolicy.can(actor, 'users.manage'));
      await db.transaction().execute(async (trx) => {
        const user = await userRepo.findUserById(trx, userId);
        if (!user) throw new AppError('not_found', 'Benutzerkonto nicht gefunden');
        if (user.role === role) return;
        if (isLastAdmin(user, await userRepo.countAdmins(trx))) throw new AppError('conflict', accountMessages('de')('admin.lastAdmin'));
        await userRepo.updateUser(trx, userId, { role });
        // A new role means new rights: end the person's sessions so no page runs on the old ones.
        await destroyAllSessions(trx, userId);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'user.role_changed',
          subjectType: 'user',
          subjectId: userId,
          details: { from: user.role, to: role },
        });
      });
    },

    async addMembership(actor: Actor, userId: string, organizationId: string): Promise<void> {
      ensure(accountsPolicy.can(actor, 'users.manage'));
      await db.transaction().execute(async (trx) => {
        const [user, organization] = await Promise.all([userRepo.findUserById(trx, userId), organizationRepo.findOrganization(trx, organizationId)]);
        if (!user || !organization) throw new AppError('not_found', 'Nicht gefunden');
        await organizationRepo.addMembership(trx, userId, organizationId);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'membership.added',
          subjectType: 'user',
          subjectId: userId,
          details: { organizationId, organization: organization.name },
        });
      });
    },

    async removeMembership(actor: Actor, userId: string, organizationId: string): Promise<void> {
      ensure(accountsPolicy.can(actor, 'users.manage'));
      await db.transaction().execute(async (trx) => {
        const removed = await organizationRepo.removeMembership(trx, userId, organizationId);
        if (Number(removed.numDeletedRows) === 0) return;
        await recordAudit(trx, { actorId: actor.id, action: 'membership.removed', subjectType: 'user', subjectId: userId, details: { organizationId } });
      });
    },

    async createOrganization(actor: Actor, input: { name: string; kind: 'provider' | 'partner' | 'city' }) {
      ensure(accountsPolicy.can(actor, 'users.manage'));
      return db.transaction().execute(async (trx) => {
        const organization = await organizationRepo.insertOrganization(trx, input.name, input.kind);
        await recordAudit(trx, {
          actorId: actor.id,
          action: 'organization.created',
          subjectType: 'organization',
          subjectId: organization.id,
          details: { name: input.name, kind: input.kind },
        });
        return organization;
      });
    },
  };

  async function startSession(userId: string, previousSession: string | null): Promise<string> {
    return db.transaction().execute(async (trx) => {
      if (previousSession) await destroySession(trx, previousSession);
      await userRepo.updateUser(trx, userId, { last_login_at: new Date() });
      return createSession(trx, userId, settings);
    });
  }
}

export type AccountsService = ReturnType<typeof createAccountsService>;
