import type { Transaction } from 'kysely';
import type { DB } from '../../db/types.js';
import type { AppDeps } from '../../platform/deps.js';
import { hmac } from '../../platform/auth/tokens.js';
import { notFound } from '../../platform/http/errors.js';
import { uuidPattern } from '../../platform/http/ids.js';
import { formatDateTime, storedLocale, type Locale } from '../../platform/i18n/i18n.js';
import { appointmentIcs } from '../../platform/mail/ics.js';
import { todayIn } from '../../platform/time/berlin.js';
import { councilSources, ideaLinks } from '../ideas/index.js';
import { sharedGroups } from '../network/index.js';
import { councilMessages } from './council.messages.js';
import { memberRecipient, registrationScope } from './council.notifications.js';
import * as repo from './council.repository.js';
import { councilPath, workshopPath, exchangeGroup, type Workshop, type Registration } from './council.model.js';

/** What every part of the council's service shares: signed links, mails, moving up the waiting list, the exchange group, links to ideas and initiatives. */
export function createCouncilContext(deps: AppDeps) {
  const { db, config, city, mail } = deps;
  const secret = config.sessionSecret;
  const url = (path: string) => `${config.publicUrl}${path}`;
  const sign = (kind: string, id: string, key: string) => hmac(secret, `council|${kind}|${id}|${key}`).slice(0, 43);
  const memberToken = (m: { id: string; link_key: string }) => `${m.id}.${sign('member', m.id, m.link_key)}`;
  const registrationToken = (r: { id: string; link_key: string }) => `${r.id}.${sign('registration', r.id, r.link_key)}`;

  const readToken = (token: string | undefined): [string, string] | null => {
    const [id, sig, extra] = (token ?? '').split('.');
    if (extra !== undefined || !id || !sig || !uuidPattern.test(id)) return null;
    return [id, sig];
  };

  const when = (w: { starts_at: Date; ends_at: Date }, locale: Locale) => `${formatDateTime(w.starts_at, locale)} – ${formatDateTime(w.ends_at, locale)}`;

  const calendarOf = (w: Workshop, to: { email: string; name: string }, method: 'REQUEST' | 'CANCEL', sequence: number) => ({
    method,
    content: appointmentIcs({
      uid: `${w.ical_uid}-${to.email.toLowerCase()}@familienrathaus`,
      sequence,
      method,
      start: w.starts_at,
      end: w.ends_at,
      summary: `Familienbeirat: ${w.title}`,
      description: w.agenda,
      location: w.place,
      organizerEmail: city.familyOffice.email,
      organizerName: city.portalName,
      attendeeEmail: to.email,
      attendeeName: to.name,
      now: new Date(),
    }),
  });

  async function send(
    trx: Transaction<DB>,
    to: { email: string; locale: string },
    kind: string,
    vars: Record<string, string | number>,
    calendar?: { method: 'REQUEST' | 'CANCEL'; content: string },
  ): Promise<void> {
    const locale = storedLocale(to.locale);
    const t = councilMessages(locale);
    await mail.enqueue(trx, {
      to: to.email,
      subject: t(`mail.${kind}.subject` as Parameters<typeof t>[0], { portal: city.portalName, ...vars }),
      text: t(`mail.${kind}.text` as Parameters<typeof t>[0], { portal: city.portalName, ...vars }),
      headers: { 'Content-Language': locale },
      calendar,
    });
  }

  async function registrationMail(trx: Transaction<DB>, w: Workshop, r: Registration, kind: 'confirmed' | 'waiting' | 'moved_up' | 'cancelled') {
    const locale = storedLocale(r.locale);
    const vars = {
      name: r.name,
      title: w.title,
      when: when(w, locale),
      place: w.place,
      link: url(`${councilPath}/anmeldung?token=${registrationToken(r)}`),
      position: kind === 'waiting' ? await repo.waitingPosition(trx, w.id, r.queue_no) : 0,
    };
    const calendar =
      kind === 'confirmed' || kind === 'moved_up'
        ? calendarOf(w, r, 'REQUEST', 1)
        : kind === 'cancelled' && r.status === 'confirmed'
          ? calendarOf(w, r, 'CANCEL', 2)
          : undefined;
    await send(trx, r, `registration.${kind}`, vars, calendar);
  }

  /** One member's invitation to one workshop, in their language, with the personal link and the calendar entry. */
  async function invitation(trx: Transaction<DB>, w: Workshop, m: { id: string; name: string; email: string; locale: string; link_key: string }) {
    const locale = storedLocale(m.locale);
    await send(
      trx,
      m,
      'invitation',
      {
        name: m.name,
        title: w.title,
        when: when(w, locale),
        place: w.place,
        until: formatDateTime(w.registration_until, locale),
        link: url(`${workshopPath(w.id)}/anmelden?token=${memberToken(m)}`),
      },
      calendarOf(w, m, 'REQUEST', 0),
    );
  }

  /** Moving up is told through the platform's notification service: mail with the calendar entry, and push where the member allowed it. */
  async function notifyMovedUp(trx: Transaction<DB>, w: Workshop, r: Registration) {
    const link = url(`${councilPath}/anmeldung?token=${registrationToken(r)}`);
    await deps.notifications.notify(trx, {
      kind: 'council.moved-up',
      itemKey: `council-moved-up:${r.id}`,
      scope: registrationScope(r.id),
      to: [memberRecipient(r)],
      content: ({ locale }) => {
        const t = councilMessages(locale);
        const vars = { name: r.name, title: w.title, when: when(w, locale), place: w.place, link, portal: city.portalName };
        return {
          subject: t('mail.registration.moved_up.subject', vars),
          letter: t('mail.registration.moved_up.text', vars),
          calendar: calendarOf(w, r, 'REQUEST', 1),
          push: { title: t('mail.registration.moved_up.subject', vars), body: vars.when, url: new URL(link).pathname + new URL(link).search },
        };
      },
    });
  }

  /** After a cancellation: the waiting list moves up in its order while the head fits, each told once in their language. */
  async function moveUp(trx: Transaction<DB>, workshopId: string): Promise<number> {
    let moved = 0;
    for (;;) {
      const w = await repo.findWorkshop(trx, workshopId);
      const next = w ? await repo.firstWaiting(trx, workshopId) : undefined;
      if (!w || !next) return moved;
      if (w.places_taken + next.persons > w.capacity || w.childcare_taken + next.childcare_children > w.childcare_places) return moved;
      await repo.setRegistrationStatus(trx, next.id, 'confirmed');
      const r = await repo.findRegistration(trx, next.id);
      if (r) await notifyMovedUp(trx, w, r);
      moved++;
    }
  }

  /** The exchange group's members are exactly the current members with an account (see `sharedGroups`). */
  async function syncExchange(trx: Transaction<DB>, add: boolean) {
    const members = await repo.currentMembers(trx, todayIn());
    return sharedGroups.syncPrivateGroup(
      trx,
      deps.notifications,
      exchangeGroup,
      members.map((m) => m.email),
      { add },
    );
  }

  async function knownIdea(id: string | null): Promise<void> {
    if (id && !(await councilSources.ideasByIds(db, [id])).has(id)) throw notFound('Idee');
  }

  /** An initiative chosen in a form must exist (a stale or tampered choice is a 404, not a broken link). */
  async function knownInitiative(id: string | null): Promise<void> {
    if (id && !(await councilSources.byIds(db, [id])).has(id)) throw notFound('Vorhaben');
  }

  /** The published report's results with an initiative, as "what shaped it" on those initiatives. */
  async function linkResults(trx: Transaction<DB>, workshopId: string): Promise<void> {
    const w = (await repo.findWorkshop(trx, workshopId))!;
    const results = await repo.resultsOf(trx, [workshopId]);
    await councilSources.replaceLinks(
      trx,
      `${workshopPath(workshopId)}#`,
      results.flatMap((r) =>
        r.initiative_id
          ? [{ initiativeId: r.initiative_id, url: `${workshopPath(workshopId)}#ergebnis-${r.id}`, label: `Familienbeirat, ${w.title}: ${r.title}` }]
          : [],
      ),
    );
    // The same results on the pages of the ideas they are linked to ("what became of it").
    await ideaLinks.replaceCouncilLinks(
      trx,
      `${workshopPath(workshopId)}#`,
      results.flatMap((r) =>
        r.idea_id ? [{ ideaId: r.idea_id, url: `${workshopPath(workshopId)}#ergebnis-${r.id}`, label: `Familienbeirat, ${w.title}: ${r.title}` }] : [],
      ),
    );
  }

  return {
    deps,
    db,
    config,
    city,
    mail,
    secret,
    url,
    sign,
    memberToken,
    registrationToken,
    readToken,
    when,
    calendarOf,
    send,
    registrationMail,
    invitation,
    notifyMovedUp,
    moveUp,
    syncExchange,
    knownIdea,
    knownInitiative,
    linkResults,
  };
}

export type CouncilContext = ReturnType<typeof createCouncilContext>;
