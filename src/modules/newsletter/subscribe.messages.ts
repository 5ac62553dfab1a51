import { defineMessages } from '../../platform/i18n/i18n.js';

/** Texts of sign-up, confirmation, preferences and unsubscribing. */
export const subscribeMessages = defineMessages(
  'newsletter/subscribe.messages',
  {
    'signup.title': 'Familieninfobrief bestellen',
    'signup.intro':
      'Der Familieninfobrief kommt viermal im Jahr per E-Mail. Er bringt Neuigkeiten der Stadt und des Bundesfamilienministeriums, neue Familienzentren, Beratungsangebote und Veranstaltungen der nächsten Wochen.',
    'signup.why':
      'Wir brauchen Ihre E-Mail-Adresse nur, um Ihnen den Infobrief zu schicken. Themen und Stadtbezirk sind freiwillig: Damit wählen wir aus, was Sie bekommen.',
    'signup.steps':
      'Nach dem Absenden bekommen Sie eine E-Mail mit einem Bestätigungs-Link. Erst wenn Sie darauf klicken, sind Sie angemeldet. Abmelden können Sie sich jederzeit mit einem Klick in jeder E-Mail.',
    'signup.submit': 'Infobrief bestellen',
    'signup.archive': 'Frühere Ausgaben lesen',
    'error.email.required': 'Geben Sie Ihre E-Mail-Adresse ein.',
    'error.email.format': 'Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.',
    'error.locale.choice': 'Wählen Sie die Sprache, in der wir Ihnen schreiben sollen.',
    'field.email': 'E-Mail-Adresse',
    'field.locale': 'Sprache unserer E-Mails an Sie',
    'field.locale.note':
      'Der Infobrief selbst erscheint auf Deutsch. In der gewählten Sprache schicken wir Ihnen die E-Mails zu Ihrem Abonnement und den Rahmen jeder Ausgabe, zum Beispiel den Link zum Abbestellen.',
    'field.topics': 'Themen, die Sie besonders interessieren (freiwillig)',
    'field.district': 'Stadtbezirk (freiwillig)',
    'field.district.none': 'Kein bestimmter Stadtbezirk',
    'field.consent': 'Ich möchte den Familieninfobrief per E-Mail bekommen.',
    'field.consent.required': 'Bestätigen Sie, dass Sie den Infobrief bekommen möchten.',
    'consent.text':
      'Ich möchte den Familieninfobrief der Stadt {city} per E-Mail bekommen (etwa viermal im Jahr). Meine Einwilligung kann ich jederzeit mit dem Abmelde-Link in jeder E-Mail widerrufen.',
    'sent.title': 'Bitte schauen Sie in Ihr Postfach',
    'sent.text':
      'Wenn die Adresse noch nicht angemeldet ist, haben wir Ihnen eine E-Mail mit einem Bestätigungs-Link geschickt. Der Link gilt 48 Stunden. Erst nach dem Klick darauf bekommen Sie den Infobrief.',
    'sent.spam': 'Keine E-Mail da? Schauen Sie auch im Spam-Ordner nach. Sie können das Formular nach einiger Zeit noch einmal absenden.',
    'confirmed.title': 'Anmeldung bestätigt',
    'confirmed.text':
      'Danke! Sie bekommen ab jetzt den Familieninfobrief. In jeder Ausgabe finden Sie einen Link, um Ihre Einstellungen zu ändern oder sich abzumelden.',
    'confirmed.prefs': 'Einstellungen ansehen',
    'confirmInvalid.title': 'Der Bestätigungs-Link ist ungültig',
    'confirmInvalid.text':
      'Der Link ist unvollständig oder wurde verändert. Kopieren Sie ihn bitte ganz aus der E-Mail oder bestellen Sie den Infobrief noch einmal.',
    'confirmExpired.title': 'Der Bestätigungs-Link ist abgelaufen',
    'confirmExpired.text': 'Der Link galt 48 Stunden. Bestellen Sie den Infobrief bitte noch einmal; Sie bekommen dann einen neuen Link.',
    again: 'Infobrief noch einmal bestellen',
    'prefs.title': 'Ihre Einstellungen für den Familieninfobrief',
    'prefs.intro': 'Diese Seite erreichen Sie nur über den persönlichen Link aus Ihren E-Mails. Teilen Sie den Link nicht.',
    'prefs.address': 'Angemeldete Adresse: {email}',
    'prefs.pending': 'Ihre Anmeldung ist noch nicht bestätigt. Klicken Sie bitte auf den Link in der Bestätigungs-E-Mail.',
    'prefs.submit': 'Einstellungen speichern',
    'prefs.saved': 'Ihre Einstellungen sind gespeichert.',
    'prefs.unsubscribeTitle': 'Abmelden',
    'prefs.unsubscribeText': 'Sie bekommen dann keinen Infobrief mehr. Wir löschen Ihre Adresse nach 30 Tagen.',
    'linkInvalid.title': 'Dieser Link gilt nicht mehr',
    'linkInvalid.text':
      'Der Link ist unvollständig, wurde verändert oder Sie haben sich schon abgemeldet. Sie bekommen keinen Infobrief an diese Adresse, solange Sie ihn nicht neu bestellen.',
    'unsubscribe.title': 'Vom Familieninfobrief abmelden',
    'unsubscribe.text': 'Mit einem Klick auf den Knopf melden Sie {email} ab.',
    'unsubscribe.submit': 'Jetzt abmelden',
    'unsubscribed.title': 'Sie sind abgemeldet',
    'unsubscribed.text':
      'Sie bekommen keinen Familieninfobrief mehr. Wir löschen Ihre Adresse nach 30 Tagen. Sie können den Infobrief jederzeit neu bestellen.',
    'box.title': 'Familieninfobrief',
    'box.text': 'Viermal im Jahr das Wichtigste für Familien per E-Mail. Sie bestätigen die Anmeldung per Link und können sich jederzeit abmelden.',
    'box.submit': 'Bestellen',
    'box.more': 'Mehr zum Infobrief und Datenschutz',
    'privacy.link': 'Datenschutzhinweise',
  },
  {
    'signup.title': 'Subscribe to the family newsletter',
    'signup.intro':
      'The family newsletter (Familieninfobrief) arrives by email four times a year. It brings news from the city and the federal family ministry, new family centres, counselling offers and the events of the coming weeks.',
    'signup.why': 'We need your email address only to send you the newsletter. Topics and district are optional: we use them to choose what you receive.',
    'signup.steps':
      'After you send the form you get an email with a confirmation link. You are subscribed only when you click it. You can unsubscribe at any time with one click in every email.',
    'signup.submit': 'Subscribe',
    'signup.archive': 'Read earlier issues',
    'error.email.required': 'Enter your email address.',
    'error.email.format': 'Enter an email address like name@example.org.',
    'error.locale.choice': 'Choose the language we should write to you in.',
    'field.email': 'Email address',
    'field.locale': 'Language of our emails to you',
    'field.locale.note':
      'The newsletter itself is written in German. In the language you choose we send you the emails about your subscription and the frame of each issue, for example the link to unsubscribe.',
    'field.topics': 'Topics you are especially interested in (optional)',
    'field.district': 'District (optional)',
    'field.district.none': 'No particular district',
    'field.consent': 'I want to receive the family newsletter by email.',
    'field.consent.required': 'Confirm that you want to receive the newsletter.',
    'consent.text':
      'I want to receive the family newsletter of the city of {city} by email (about four times a year). I can withdraw my consent at any time with the unsubscribe link in every email.',
    'sent.title': 'Please check your inbox',
    'sent.text':
      'If the address is not subscribed yet, we have sent you an email with a confirmation link. The link is valid for 48 hours. You receive the newsletter only after clicking it.',
    'sent.spam': 'No email? Look in your spam folder too. You can send the form again after a while.',
    'confirmed.title': 'Subscription confirmed',
    'confirmed.text': 'Thank you! From now on you receive the family newsletter. Every issue has a link to change your settings or unsubscribe.',
    'confirmed.prefs': 'See your settings',
    'confirmInvalid.title': 'The confirmation link is not valid',
    'confirmInvalid.text': 'The link is incomplete or was changed. Please copy all of it from the email, or subscribe again.',
    'confirmExpired.title': 'The confirmation link has expired',
    'confirmExpired.text': 'The link was valid for 48 hours. Please subscribe again; you will get a new link.',
    again: 'Subscribe again',
    'prefs.title': 'Your family newsletter settings',
    'prefs.intro': 'You reach this page only through the personal link in your emails. Do not share the link.',
    'prefs.address': 'Subscribed address: {email}',
    'prefs.pending': 'Your subscription is not confirmed yet. Please click the link in the confirmation email.',
    'prefs.submit': 'Save settings',
    'prefs.saved': 'Your settings have been saved.',
    'prefs.unsubscribeTitle': 'Unsubscribe',
    'prefs.unsubscribeText': 'You will receive no more newsletters. We delete your address after 30 days.',
    'linkInvalid.title': 'This link is no longer valid',
    'linkInvalid.text':
      'The link is incomplete, was changed, or you have already unsubscribed. This address receives no newsletter unless you subscribe again.',
    'unsubscribe.title': 'Unsubscribe from the family newsletter',
    'unsubscribe.text': 'Click the button to unsubscribe {email}.',
    'unsubscribe.submit': 'Unsubscribe now',
    'unsubscribed.title': 'You have unsubscribed',
    'unsubscribed.text': 'You will receive no more family newsletters. We delete your address after 30 days. You can subscribe again at any time.',
    'box.title': 'Family newsletter',
    'box.text': 'The most important things for families by email, four times a year. You confirm by link and can unsubscribe at any time.',
    'box.submit': 'Subscribe',
    'box.more': 'More about the newsletter and privacy',
    'privacy.link': 'Privacy notice',
  },
);

/** Version of the consent text above; raise it whenever 'consent.text' changes. */
export const consentVersion = '2026-11-v1';

/** Topics a subscriber may choose; keys are stored, labels translated. */
export const newsletterTopics = ['kita-schule', 'gesundheit', 'beratung', 'freizeit', 'geld', 'ferien'] as const;
export type NewsletterTopic = (typeof newsletterTopics)[number];

export const topicMessages = defineMessages(
  'newsletter/subscribe.messages#topicMessages',
  {
    'kita-schule': 'Kita und Schule',
    gesundheit: 'Gesundheit',
    beratung: 'Beratung und Hilfe',
    freizeit: 'Freizeit und Veranstaltungen',
    geld: 'Geld und Leistungen',
    ferien: 'Ferienbetreuung',
  },
  {
    'kita-schule': 'Day care and school',
    gesundheit: 'Health',
    beratung: 'Counselling and help',
    freizeit: 'Leisure and events',
    geld: 'Money and benefits',
    ferien: 'Holiday care',
  },
);
