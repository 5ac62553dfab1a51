import type { PersonalDataDeclaration } from '../../platform/privacy/declarations.js';

/** Bookings are deleted this many days after the appointment. */
export const bookingRetentionDays = 90;

const service = { as: 'termin', from: 'appointment_services', select: 'name', by: 'service_id' } as const;

/**
 * Booking needs no account: bookings are found by their email address, so "download my data" and "delete
 * my account" cover them. A booking by staff for a caller may have only a phone number; it goes on schedule.
 */
export const appointmentPersonalData: PersonalDataDeclaration[] = [
  {
    name: 'beratungstermine',
    table: 'appointment_bookings',
    subject: { email: 'email' },
    purpose: 'Bestätigung, Erinnerung und Absage des Beratungstermins',
    columns: {
      name: 'Name oder selbst gewählter Spitzname für den Termin',
      phone: 'Rückruf, wenn die Beratung den Termin für einen Anrufer gebucht hat',
      locale: 'Sprache der E-Mails',
      answer: 'Antwort auf die Frage der Beratung bei der Buchung',
      on_behalf: 'für jemand anderen gebucht (Anrufer, Schülerin oder Schüler)',
      pupil_consent: 'Einverständnis der Schülerin oder des Schülers zur Buchung durch die Schule',
      push_endpoint: 'Adresse des Browsers für die Erinnerung 2 Stunden vorher (nur auf Wunsch)',
      push_p256dh: 'Schlüssel, mit dem diese Erinnerung verschlüsselt wird',
      push_auth: 'Schlüssel, mit dem diese Erinnerung verschlüsselt wird',
    },
    context: ['starts_at', 'ends_at', 'status', 'created_at', service],
    onErase: 'delete',
    retention: { rule: `${bookingRetentionDays} Tage nach dem Termin`, sweep: { days: bookingRetentionDays, after: 'ends_at' } },
  },
  {
    name: 'beratungstermine_gebucht_von',
    table: 'appointment_bookings',
    subject: { user: 'booked_by' },
    purpose: 'wer aus der Verwaltung oder Schule den Termin für jemanden gebucht hat',
    columns: {},
    context: ['starts_at', 'status', service],
    onErase: 'unlink',
    retention: { rule: `mit dem Termin, ${bookingRetentionDays} Tage nach dem Termin` },
  },
  {
    name: 'beratende',
    table: 'appointment_counsellors',
    subject: { user: 'user_id' },
    purpose: 'Beraterin oder Berater mit eigenem Zugang zur Terminübersicht',
    columns: { name: 'Name in der Terminübersicht und in den Bestätigungen' },
    onErase: { replace: { name: 'ehemalige Beratung' } },
    retention: { rule: 'solange die Person berät; die Verwaltung entfernt sie' },
  },
  {
    name: 'beratungstermine_warteliste',
    table: 'appointment_waitlist',
    subject: { email: 'email' },
    purpose: 'Nachricht, wenn an einem gewünschten Tag ein Termin frei wird',
    columns: {
      name: 'Name oder Spitzname',
      locale: 'Sprache der E-Mails',
      wanted_date: 'gewünschter Tag',
      offered_booking_id: 'der für die Person reservierte Termin',
    },
    context: ['status', 'created_at', service],
    onErase: 'delete',
    retention: { rule: `${bookingRetentionDays} Tage nach dem Eintrag`, sweep: { days: bookingRetentionDays, after: 'created_at' } },
  },
];
