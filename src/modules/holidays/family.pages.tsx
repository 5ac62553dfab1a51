import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.js';
import { requireActor } from '../../platform/auth/guard.js';
import { pageContext } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { attempt, formValues, parseForm, type FieldWords } from '../../platform/http/forms.js';
import { ButtonForm, formBody, IdParams, NoQuery, type RouteApp } from '../../platform/http/routes.js';
import { listChildren } from './children.repository.js';
import { findPublicOffer, seasonOffers } from './offers.repository.js';
import { currentSeason, findSeason } from './seasons.repository.js';
import { consumeRateLimit } from '../../platform/http/rate-limit.js';
import { type ChildInput, offersByAge, ownChild, saveChild, submitWishes, type WishInput, checkWishes, familyResults } from './families.service.js';
import { familyMessages } from './family.messages.js';
import { issueGroupCode } from './group-codes.js';
import { BookForm, ChildForm, ChildParams, maxWishFields, NoticeQuery, WishForm } from './holidays.schemas.js';
import { answerPlace, bookFirstCome } from './places.service.js';
import { ChildFormPage, ChildrenPage, HolidaysHomePage, OfferPage, ProgrammePage } from './views/family-views.js';
import type { OfferRow } from './views/offer-facts.js';
import { offerTranslatable, withOfferTitles } from './holidays.translations.js';
import { withTranslations } from '../../platform/translations/translations.service.js';
import { CheckWishesPage, WishFormPage, WishListPage } from './views/wish-views.js';
import { ResultsPage } from './views/results-view.js';
import { storedWishes, wishedOffers } from './wishes.repository.js';
import { lotteryPseudonyms } from './lottery-pseudonyms.js';
import { employerCodeOf } from './employer-places.service.js';

/*
 * Family pages (Ferienbetreuung):
 *   GET       /ferien                              season, phase, fairness, offers (public)
 *   GET       /ferien/programm                     all offers with all details, printable (public)
 *   GET       /ferien/angebote/:id                 one offer (public)
 *        POST /ferien/angebote/:id/buchen          first come, first served (signed in)
 *   GET       /ferien/kinder                       my children
 *   GET  POST /ferien/kinder/neu                   add a child
 *   GET  POST /ferien/kinder/:id/bearbeiten        change a child
 *   GET  POST /ferien/wuensche/:child              ranked wish list → check page (read-only outside the wish phase)
 *        POST /ferien/wuensche/:child/aendern      back from the check page with the values
 *        POST /ferien/wuensche/:child/gruppe       the same form with a newly issued group code
 *        POST /ferien/wuensche/:child/absenden     hand in (mail in the same transaction)
 *   GET       /ferien/ergebnis                     places and waiting lists
 *        POST /ferien/plaetze/:id/annehmen|zurueckgeben
 */

/** Registers the family pages. */
export function registerFamilyPages(app: RouteApp, deps: AppDeps): void {
  const ctxOf = (req: FastifyRequest) => pageContext(req, deps.city);
  const html = (reply: FastifyReply, status: number, page: JSX.Element) => reply.status(status).html(page);
  /** Offers in the visitor's language where an editor translated them (holidays.translations.ts). */
  const inLanguage = (req: FastifyRequest, offers: OfferRow[]) => withTranslations(deps.db, offerTranslatable, req.locale, offers);
  /** Only the texts, where a view shows an offer by its title alone (wish list, check page). */
  const shownOffers = async (req: FastifyRequest, offers: OfferRow[]) => (await inLanguage(req, offers)).map((o) => o.shown);
  const childLabels = (req: FastifyRequest) => {
    const t = familyMessages(req.locale);
    return {
      firstName: { label: t('field.firstName'), required: t('error.firstName.required'), tooLong: t('error.firstName.tooLong') },
      lastName: { label: t('field.lastName'), required: t('error.lastName.required'), tooLong: t('error.lastName.tooLong') },
      birthDate: t('field.birthDate'),
      needs: { label: t('field.needs'), tooLong: t('error.needs.tooLong') },
      needsConsent: t('field.needsConsent'),
      photoConsent: t('field.photoConsent'),
      priority: t('field.priority'),
      contactName: {
        label: t('field.contactName'),
        required: t('error.contactName.required'),
        tooShort: t('error.contactName.tooShort'),
        tooLong: t('error.contactName.tooLong'),
      },
      contactPhone: { label: t('field.contactPhone'), required: t('error.contactPhone.required'), format: t('error.contactPhone.format') },
      contactRelation: { label: t('field.contactRelation'), tooLong: t('error.contactRelation.tooLong') },
    } satisfies Record<string, FieldWords>;
  };

  app.get('/ferien', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const season = await currentSeason(deps.db);
    const offers = season ? await seasonOffers(deps.db, season.id) : [];
    return html(reply, 200, <HolidaysHomePage ctx={ctxOf(req)} season={season} offers={await inLanguage(req, offers)} />);
  });

  app.get('/ferien/programm', { schema: { querystring: NoQuery } }, async (req, reply) => {
    const season = await currentSeason(deps.db);
    if (!season) throw notFound();
    const offers = await seasonOffers(deps.db, season.id);
    return html(reply, 200, <ProgrammePage ctx={ctxOf(req)} season={season} offers={await inLanguage(req, offers)} />);
  });

  async function offerPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    status: number,
    state: { values?: Record<string, string>; errors?: Record<string, string>; notice?: string } = {},
  ) {
    const offer = await findPublicOffer(deps.db, id);
    if (!offer) throw notFound('Angebot');
    const season = await findSeason(deps.db, offer.season_id);
    if (!season) throw notFound('Angebot');
    const children = req.actor ? await listChildren(deps.db, req.actor.id) : [];
    const [shown] = await inLanguage(req, [offer]);
    return html(reply, status, <OfferPage ctx={ctxOf(req)} offer={shown!} season={season} book={{ children, ...state }} />);
  }
  app.get('/ferien/angebote/:id', { schema: { params: IdParams, querystring: NoQuery } }, (req, reply) => offerPage(req, reply, req.params.id, 200));
  app.post('/ferien/angebote/:id/buchen', { schema: { params: IdParams, body: formBody(BookForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const offerId = req.params.id;
    await consumeRateLimit(deps.db, deps.config.sessionSecret, { bucket: 'holidays.book', max: 30, windowSeconds: 600 }, actor.id);
    const form = parseForm(
      BookForm,
      req.body,
      {
        childId: {
          label: familyMessages(req.locale)('offer.bookChild'),
          required: familyMessages(req.locale)('error.childId.choice'),
          format: familyMessages(req.locale)('error.childId.choice'),
        },
      },
      req.locale,
    );
    if (!form.ok) return offerPage(req, reply, offerId, 422, { values: form.values, errors: form.errors });
    try {
      await bookFirstCome(deps, actor, { offerId, childId: form.value.childId }, req.locale);
    } catch (error) {
      if (error instanceof AppError && error.details.fields)
        return offerPage(req, reply, offerId, error.code === 'conflict' ? 409 : 422, { values: formValues(req.body), errors: error.details.fields });
      throw error;
    }
    return offerPage(req, reply, offerId, 200, { notice: familyMessages(req.locale)('offer.booked') });
  });

  app.get('/ferien/kinder', { schema: { querystring: NoticeQuery } }, async (req, reply) => {
    const actor = requireActor(req);
    const t = familyMessages(req.locale);
    const season = await currentSeason(deps.db);
    const children = await listChildren(deps.db, actor.id);
    const sent = new Set<string>();
    if (season) for (const c of children) if ((await storedWishes(deps.db, season.id, c.id))?.submitted_at) sent.add(c.id);
    const notice = req.query.hinweis === 'gespeichert' ? t('children.saved') : req.query.hinweis === 'abgegeben' ? t('children.sent') : undefined;
    return html(reply, 200, <ChildrenPage ctx={ctxOf(req)} children={children} sent={sent} notice={notice} wishesOpen={season?.phase === 'wishes'} />);
  });

  const childInput = (v: ReturnType<typeof parseForm<typeof ChildForm>> & { ok: true }): ChildInput => ({
    firstName: v.value.firstName,
    lastName: v.value.lastName,
    birthDate: v.value.birthDate,
    needs: v.value.needs ?? '',
    needsConsent: v.value.needsConsent === 'ja',
    photoConsent: v.value.photoConsent === 'ja',
    priority: v.value.priority === 'ja',
    contactName: v.value.contactName,
    contactPhone: v.value.contactPhone,
    contactRelation: v.value.contactRelation ?? '',
  });
  app.get('/ferien/kinder/neu', { schema: { querystring: NoQuery } }, (req, reply) => {
    requireActor(req);
    return html(reply, 200, <ChildFormPage ctx={ctxOf(req)} childId={null} title={familyMessages(req.locale)('child.newTitle')} values={{}} />);
  });
  app.get('/ferien/kinder/:id/bearbeiten', { schema: { params: IdParams, querystring: NoQuery } }, async (req, reply) => {
    const { child, contact } = await ownChild(deps.db, requireActor(req), req.params.id);
    const yes = (b: boolean) => (b ? 'ja' : '');
    const values = {
      firstName: child.first_name,
      lastName: child.last_name,
      birthDate: child.birth_date,
      needs: child.needs,
      needsConsent: yes(!!child.needs_consent_version),
      photoConsent: yes(child.photo_consent),
      priority: yes(child.priority),
      contactName: contact?.name ?? '',
      contactPhone: contact?.phone ?? '',
      contactRelation: contact?.relation ?? '',
    };
    return html(
      reply,
      200,
      <ChildFormPage ctx={ctxOf(req)} childId={child.id} title={familyMessages(req.locale)('child.editTitle', { name: child.first_name })} values={values} />,
    );
  });
  /** Adds a child (childId null) or changes one. */
  async function saveChildForm(req: FastifyRequest, reply: FastifyReply, childId: string | null) {
    const actor = requireActor(req);
    const t = familyMessages(req.locale);
    const title = childId ? t('child.editTitle', { name: formValues(req.body).firstName ?? '' }) : t('child.newTitle');
    const form = parseForm(ChildForm, req.body, childLabels(req), req.locale);
    if (!form.ok) return html(reply, 422, <ChildFormPage ctx={ctxOf(req)} childId={childId} title={title} values={form.values} errors={form.errors} />);
    const result = await attempt(() => saveChild(deps, actor, childId, childInput(form), req.locale));
    if (!result.ok)
      return html(reply, 422, <ChildFormPage ctx={ctxOf(req)} childId={childId} title={title} values={formValues(req.body)} errors={result.errors} />);
    return reply.redirect('/ferien/kinder?hinweis=gespeichert', 303);
  }
  app.post('/ferien/kinder/neu', { schema: { body: formBody(ChildForm) } }, (req, reply) => saveChildForm(req, reply, null));
  app.post('/ferien/kinder/:id/bearbeiten', { schema: { params: IdParams, body: formBody(ChildForm) } }, (req, reply) =>
    saveChildForm(req, reply, req.params.id),
  );

  /** Reads the wish form: the chosen offers in rank order (gaps closed), maximum and group code. */
  function readWishes(req: FastifyRequest) {
    const t = familyMessages(req.locale);
    const labels: Record<string, FieldWords> = {
      maxPlaces: { label: t('wish.maxPlaces'), format: t('error.maxPlaces.format'), required: t('error.maxPlaces.format') },
      groupCode: { label: t('wish.groupCode'), format: t('wish.groupCode.format') },
      employerCode: { label: t('wish.employerCode'), format: t('wish.employerCode.format') },
    };
    for (let n = 1; n <= maxWishFields; n++) labels[`wish${n}`] = t('wish.rank', { n });
    const raw = formValues(req.body);
    const offerIds = Array.from({ length: maxWishFields }, (_, i) => raw[`wish${i + 1}`]?.trim() ?? '').filter(Boolean);
    const values: Record<string, string> = {
      maxPlaces: raw.maxPlaces ?? '1',
      groupCode: (raw.groupCode ?? '').trim().toUpperCase(),
      employerCode: (raw.employerCode ?? '').trim().toUpperCase(),
    };
    offerIds.forEach((id, i) => (values[`wish${i + 1}`] = id));
    const form = parseForm(WishForm, values, labels, req.locale);
    const input: WishInput = { offerIds, maxPlaces: Number(values.maxPlaces), groupCode: values.groupCode || null, employerCode: values.employerCode || null };
    return { form, values, input };
  }

  async function wishForm(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    childId: string,
    values?: Record<string, string>,
    errors?: Record<string, string>,
  ) {
    const actor = requireActor(req);
    const { child } = await ownChild(deps.db, actor, childId);
    const season = await currentSeason(deps.db);
    if (!season) throw notFound();
    if (season.phase !== 'wishes') {
      // Outside the wish phase the list is shown as handed in; a change sent anyway is refused (409) with the reason.
      const stored = await storedWishes(deps.db, season.id, child.id);
      const list = stored?.submitted_at
        ? { maxPlaces: stored.max_places, groupCode: stored.group_code, offers: await shownOffers(req, await wishedOffers(deps.db, stored.id)) }
        : null;
      return html(reply, errors ? 409 : 200, <WishListPage ctx={ctxOf(req)} child={child} season={season} list={list} refused={!!errors} />);
    }
    let shown = values;
    if (!shown) {
      const stored = await storedWishes(deps.db, season.id, child.id);
      const employerCode = await employerCodeOf(deps.db, season.id, stored?.employer_id ?? null);
      shown = { maxPlaces: String(stored?.max_places ?? 1), groupCode: stored?.group_code ?? '', employerCode: employerCode ?? '' };
      stored?.offerIds.forEach((id, i) => (shown![`wish${i + 1}`] = id));
    }
    const offers = await shownOffers(req, await seasonOffers(deps.db, season.id));
    // Only offers that fit the child's age are offered; one already chosen stays, so its refusal can name it.
    const chosen = new Set(
      Object.entries(shown)
        .filter(([name]) => name.startsWith('wish'))
        .map(([, id]) => id),
    );
    const { unfit } = offersByAge(child.birth_date, offers);
    const hidden = new Set(unfit.filter((o) => !chosen.has(o.id)));
    return html(
      reply,
      status,
      <WishFormPage
        ctx={ctxOf(req)}
        child={child}
        season={season}
        offers={offers.filter((o) => !hidden.has(o))}
        unfit={[...hidden]}
        values={shown}
        errors={errors}
      />,
    );
  }
  const wishRoute = '/ferien/wuensche/:child';
  app.get(wishRoute, { schema: { params: ChildParams, querystring: NoQuery } }, (req, reply) => wishForm(req, reply, 200, req.params.child));
  app.post(`${wishRoute}/aendern`, { schema: { params: ChildParams, body: formBody(WishForm) } }, (req, reply) =>
    wishForm(req, reply, 200, req.params.child, readWishes(req).values),
  );
  app.post(`${wishRoute}/gruppe`, { schema: { params: ChildParams, body: formBody(WishForm) } }, async (req, reply) => {
    requireActor(req);
    const season = await currentSeason(deps.db);
    if (!season) throw notFound();
    const { values } = readWishes(req);
    return wishForm(req, reply, 200, req.params.child, { ...values, groupCode: issueGroupCode(deps.config.sessionSecret, season.id) });
  });
  app.post(wishRoute, { schema: { params: ChildParams, body: formBody(WishForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const childId = req.params.child;
    const { form, values, input } = readWishes(req);
    if (!form.ok) return wishForm(req, reply, 422, childId, values, form.errors);
    const checked = await attempt(() => checkWishes(deps, actor, childId, input, req.locale));
    if (!checked.ok) return wishForm(req, reply, 422, childId, values, checked.errors);
    return html(
      reply,
      200,
      <CheckWishesPage
        ctx={ctxOf(req)}
        child={checked.value.child}
        offers={await shownOffers(req, checked.value.offers)}
        group={checked.value.group}
        employer={checked.value.employer}
        values={values}
      />,
    );
  });
  app.post(`${wishRoute}/absenden`, { schema: { params: ChildParams, body: formBody(WishForm) } }, async (req, reply) => {
    const actor = requireActor(req);
    const childId = req.params.child;
    const { form, values, input } = readWishes(req);
    if (!form.ok) return wishForm(req, reply, 422, childId, values, form.errors);
    const sent = await attempt(() => submitWishes(deps, actor, childId, input, req.locale));
    if (!sent.ok) return wishForm(req, reply, 422, childId, values, sent.errors);
    return reply.redirect('/ferien/kinder?hinweis=abgegeben', 303);
  });

  async function resultsPage(req: FastifyRequest, reply: FastifyReply, status: number, message: { notice?: string; error?: string } = {}) {
    const actor = requireActor(req);
    const season = await currentSeason(deps.db);
    const children = await listChildren(deps.db, actor.id);
    const found = season ? await familyResults(deps.db, actor.id, season.id) : { places: [], waiting: [] };
    const results = {
      places: await withOfferTitles(deps.db, req.locale, found.places),
      waiting: await withOfferTitles(deps.db, req.locale, found.waiting),
    };
    const pseudonyms = season
      ? await lotteryPseudonyms(
          deps.db,
          season.id,
          children.map((c) => c.id),
        )
      : new Map<string, string>();
    return html(reply, status, <ResultsPage ctx={ctxOf(req)} children={children} results={results} pseudonyms={pseudonyms} {...message} />);
  }
  app.get('/ferien/ergebnis', { schema: { querystring: NoticeQuery } }, (req, reply) =>
    resultsPage(req, reply, 200, req.query.hinweis === 'gespeichert' ? { notice: familyMessages(req.locale)('results.answered') } : {}),
  );
  for (const [segment, answer] of [
    ['annehmen', 'accept'],
    ['zurueckgeben', 'return'],
  ] as const) {
    app.post(`/ferien/plaetze/:id/${segment}`, { schema: { params: IdParams, body: ButtonForm } }, async (req, reply) => {
      try {
        await answerPlace(deps, requireActor(req), req.params.id, answer, req.locale);
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') return resultsPage(req, reply, 409, { error: error.message });
        throw error;
      }
      return reply.redirect('/ferien/ergebnis?hinweis=gespeichert', 303);
    });
  }
}
