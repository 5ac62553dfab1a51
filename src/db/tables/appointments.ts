import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;

export type AppointmentOffice = 'youth_career' | 'family_office' | 'return_to_work';
export type AppointmentChannel = 'in_person' | 'phone' | 'video';
export type AppointmentAudience = 'anyone' | 'young' | 'invitation';
/** held → confirmed → attended | no_show; held → expired; confirmed → cancelled | moved. 'blocked': staff blocked the time. */
export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired' | 'moved' | 'attended' | 'no_show' | 'blocked';

export interface AppointmentLocationsTable {
  id: Generated<string>;
  name: string;
  address: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}

export interface AppointmentServicesTable {
  id: Generated<string>;
  slug: string;
  office: AppointmentOffice;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  duration_minutes: number;
  buffer_before_minutes: ColumnType<number, number | undefined, number>;
  buffer_after_minutes: ColumnType<number, number | undefined, number>;
  channel: AppointmentChannel;
  audience: ColumnType<AppointmentAudience, AppointmentAudience | undefined, AppointmentAudience>;
  question: string | null;
  min_notice_minutes: ColumnType<number, number | undefined, number>;
  window_days: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface AppointmentCounsellorsTable {
  id: Generated<string>;
  name: string;
  user_id: string | null;
  created_at: CreatedAt;
}

export interface AppointmentCounsellorServicesTable {
  counsellor_id: string;
  service_id: string;
}

/** A weekly working pattern in Berlin civil time ('HH:MM'), valid between two dates. */
export interface AppointmentPatternsTable {
  id: Generated<string>;
  counsellor_id: string;
  location_id: string;
  weekday: number;
  starts: string;
  ends: string;
  valid_from: string;
  valid_until: string | null;
}

export interface AppointmentExceptionsTable {
  id: Generated<string>;
  counsellor_id: string;
  kind: 'absence' | 'extra';
  location_id: string | null;
  starts_at: Date;
  ends_at: Date;
  note: ColumnType<string, string | undefined, string>;
}

export interface AppointmentBookingsTable {
  id: Generated<string>;
  service_id: string | null;
  counsellor_id: string;
  location_id: string | null;
  starts_at: Date;
  ends_at: Date;
  busy_from: Date;
  busy_until: Date;
  status: BookingStatus;
  hold_expires_at: Date | null;
  name: ColumnType<string, string | undefined, string>;
  email: string | null;
  phone: string | null;
  locale: ColumnType<string, string | undefined, string>;
  answer: string | null;
  booked_by: string | null;
  on_behalf: 'caller' | 'pupil' | null;
  pupil_consent: ColumnType<boolean, boolean | undefined, boolean>;
  moved_to: string | null;
  /** One calendar event through every move: the UID of the .ics and its SEQUENCE. */
  ical_uid: string;
  ical_sequence: ColumnType<number, number | undefined, number>;
  reminder_sent_at: Date | null;
  /** The optional push reminder 2 hours before: the browser's subscription, and when it was sent. */
  push_endpoint: ColumnType<string | null, string | null | undefined, string | null>;
  push_p256dh: ColumnType<string | null, string | null | undefined, string | null>;
  push_auth: ColumnType<string | null, string | null | undefined, string | null>;
  push_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  created_at: CreatedAt;
}

export interface AppointmentWaitlistTable {
  id: Generated<string>;
  service_id: string;
  wanted_date: string;
  name: string;
  email: string;
  locale: ColumnType<string, string | undefined, string>;
  status: ColumnType<'waiting' | 'offered' | 'expired', 'waiting' | 'offered' | 'expired' | undefined, 'waiting' | 'offered' | 'expired'>;
  offered_booking_id: string | null;
  created_at: CreatedAt;
}

export type SchoolForm = 'hauptschule' | 'realschule' | 'sekundarschule' | 'gesamtschule' | 'gymnasium' | 'foerderschule' | 'berufskolleg';

/** A school and its contact for career orientation (KAoA: the StuBo, Studien- und Berufswahlkoordination). */
export interface YouthSchoolsTable {
  id: Generated<string>;
  name: string;
  school_form: SchoolForm;
  district: ColumnType<string, string | undefined, string>;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: CreatedAt;
}

export interface AppointmentsTables {
  appointment_locations: AppointmentLocationsTable;
  appointment_services: AppointmentServicesTable;
  appointment_counsellors: AppointmentCounsellorsTable;
  appointment_counsellor_services: AppointmentCounsellorServicesTable;
  appointment_patterns: AppointmentPatternsTable;
  appointment_exceptions: AppointmentExceptionsTable;
  appointment_bookings: AppointmentBookingsTable;
  appointment_waitlist: AppointmentWaitlistTable;
  youth_schools: YouthSchoolsTable;
}
