import type { Mail } from '../../platform/mail/mailer.js';

/**
 * The decision mail to someone who suggested an event. The suggester's language is unknown (we keep
 * nothing but the address), so the mail is German with an English version below.
 */
export function decisionMail(o: { to: string; title: string; approved: boolean; reason: string | null; pageUrl: string; portalName: string }): Mail {
  const de = o.approved
    ? [`Guten Tag,`, ``, `vielen Dank für Ihren Vorschlag „${o.title}“. Wir haben die Veranstaltung veröffentlicht:`, o.pageUrl]
    : [
        `Guten Tag,`,
        ``,
        `vielen Dank für Ihren Vorschlag „${o.title}“. Wir können die Veranstaltung leider nicht veröffentlichen.`,
        ``,
        `Grund: ${o.reason ?? ''}`,
      ];
  const en = o.approved
    ? [`Thank you for suggesting “${o.title}”. We have published the event:`, o.pageUrl]
    : [`Thank you for suggesting “${o.title}”. Unfortunately we cannot publish the event.`, ``, `Reason: ${o.reason ?? ''}`];
  const footer = [
    ``,
    `Ihre E-Mail-Adresse haben wir nur für diese Nachricht gespeichert; wir löschen sie in 30 Tagen.`,
    `We stored your email address only for this message and delete it in 30 days.`,
    ``,
    o.portalName,
  ];
  return {
    to: o.to,
    subject: o.approved ? `Veröffentlicht: ${o.title}` : `Ihr Veranstaltungsvorschlag: ${o.title}`,
    text: [...de, ``, `— English —`, ...en, ...footer].join('\n'),
  };
}
