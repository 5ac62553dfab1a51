import type { Facts, PageTexts } from './facts.js';

/** English template texts. Facts the city must supply are marked "[Placeholder: …]". */
export function englishPages(f: Facts): PageTexts {
  return {
    impressum: {
      title: 'Legal notice',
      body: `Information pursuant to Section 5 of the German Digital Services Act (Digitale-Dienste-Gesetz, DDG)

## Service provider

City of ${f.city} (Stadt ${f.city})
[Placeholder: name of the responsible department, e.g. The Lord Mayor, Department for Families]
[Placeholder: street and number]
[Placeholder: postcode] ${f.city}
Germany

The City of ${f.city} is a territorial authority under public law.

## Legal representative

The City of ${f.city} is legally represented by [Placeholder: name of the Lord Mayor].

## Contact

- Phone: [Placeholder: phone number of the switchboard]
- Email: [Placeholder: email address for general enquiries]
- Questions about services for families are answered by the ${f.officeName}, ${f.officeAddress}, phone ${f.officePhone}, email ${f.officeEmail}.

## Supervisory authority

[Placeholder: competent supervisory authority with address, e.g. the district government (Bezirksregierung)]

## VAT identification number

VAT identification number pursuant to Section 27a of the German VAT Act: [Placeholder: VAT ID of the city, if any]

## Responsible for the content

Responsible for the content pursuant to Section 18 (2) of the German Interstate Media Treaty (MStV):
[Placeholder: name and address of the person responsible for the content]

## Editorial team

The content of the ${f.portal} is maintained by the editorial team of the City of ${f.city}. Please send comments and corrections to ${f.editorsEmail}.

Services and events of providers are the responsibility of the providers. The operators of other websites we link to are responsible for their content. If we learn of unlawful content, we remove the link.

## Software

The ${f.portal} is built on the free software “Familienrathaus”. It is licensed under the EUPL-1.2 and other cities may use it freely.

The German version of this notice is the legally binding one.`,
    },

    datenschutz: {
      title: 'Privacy notice',
      body: `[Placeholder: This text is a template. Please have it checked by the city's data protection officer before publication.]

This notice tells you which personal data the ${f.portal} processes, for what purpose and on what legal basis, how long we keep it and what rights you have (Article 13 General Data Protection Regulation, GDPR).

## Controller

City of ${f.city} (Stadt ${f.city})
[Placeholder: name of the responsible department]
[Placeholder: street and number]
[Placeholder: postcode] ${f.city}
Phone: [Placeholder: phone number]
Email: [Placeholder: email address]

## Data protection officer

You can reach the data protection officer of the City of ${f.city} at:
[Placeholder: name or title, address, phone and email address of the data protection officer]

## The essentials

- No tracking: we use no analytics, statistics or advertising tools.
- Necessary cookies only: we set only cookies without which the website cannot work securely.
- No requests to other providers: fonts, images, scripts and videos come from our own server. No other provider learns about your visit.
- No transfer to countries outside the European Union and no automated decisions under Article 22 GDPR.

## Visiting the website

When you open a page, our server necessarily processes your IP address, the address requested and the date and time. In the server logs we keep the page requested, the time and the outcome of the request, but not your IP address and nothing that follows a question mark in the address. So we do not store what you type into the search.

To prevent abuse, such as automated password guessing or mass reports, we count requests per IP address. We do not store the IP address itself, only a key calculated from it that cannot be turned back into the address. We delete the counter once its time window has passed.

- **Legal basis:** Article 6 (1) (e) GDPR in conjunction with Section 3 of the Data Protection Act of North Rhine-Westphalia (DSG NRW). We provide information as part of our public tasks and must run the service securely.
- **Retention of server logs:** [Placeholder: retention period, e.g. 7 days]

## Cookies

We use only cookies that are strictly necessary to run the website. Under Section 25 (2) no. 2 of the German Telecommunications Digital Services Data Protection Act (TDDDG) these need no consent. Over an encrypted connection their names start with “__Host-”.

- **frh_csrf:** protects our forms from being sent by another website in your name. Contains a random number and is deleted when you close your browser.
- **frh_session:** keeps you logged in after you log in. Contains a random number by which we recognise your session. The session ends when you log out or close your browser, after 60 minutes without activity and after 12 hours at the latest.
- **frh_lang:** remembers the language if you change it. Deleted after one year.

## Account

An account is optional. You can read all information without one. For an account we store your email address, your display name, your password (only as a hash that cannot be turned back into the password), your language, when you registered, confirmed your address and last logged in, and your consents with date and wording.

- **Purpose:** to log you in, provide the functions of your account and reach you by email.
- **Legal basis:** Article 6 (1) (e) GDPR in conjunction with Section 3 DSG NRW; where we ask for your consent, Article 6 (1) (a) GDPR.
- **Retention:** until you delete your account. Accounts whose email address is not confirmed within 7 days are deleted automatically. [Placeholder: period after which long-unused accounts are deleted]

When city staff change content or accounts, we log who changed what and when, so that the administration's actions can be traced (Article 6 (1) (e) GDPR). We delete these entries after three years.

## Emails

We send you emails when you ask for them: to confirm your address, with a login link, to reset your password, about your holiday-care registrations and – if you subscribed to it – the family newsletter.

- **Legal basis:** as for the account; for the newsletter your consent (Article 6 (1) (a) GDPR), which you can withdraw at any time.
- **Retention:** sending jobs containing your address are deleted after 7 days at the latest, copies in the portal's outbox after 30 days.
- **Sending:** [Placeholder: email service provider or data centre sending the emails on behalf of the city]

## Family newsletter

If you subscribe to the newsletter, we store your email address, your language and, if you choose them, the topics and the district you are interested in. As proof of your consent we store the wording and version of the consent text and the times of sign-up and confirmation (double opt-in). For each issue we note whether the email could be delivered.

- **Purpose:** to send you the newsletter, matching your topics and district.
- **Legal basis:** your consent (Article 6 (1) (a) GDPR). You can withdraw it at any time with the link in every issue.
- **Retention:** unconfirmed sign-ups 7 days; after you unsubscribe we delete topics and district at once and the address after 30 days.

## Event suggestions

If you suggest an event, we store the details of the event and – only if you give it – your email address, to tell you the editors' decision.

- **Legal basis:** Article 6 (1) (e) GDPR; for the optional email address your consent (Article 6 (1) (a) GDPR).
- **Retention:** the email address 30 days after the decision; suggestions not published 180 days.

## Holiday care

For holiday care we store in your account your children (first and last name, date of birth), emergency contacts, the photo permission, a priority (for example Familienpass or Bildung und Teilhabe), the wish lists, the places allocated, waiting lists and attendance. Details about allergies, medication or support needs (health data) are stored only with your explicit consent; we store the wording of the consent with them. Only the provider of an offer in which your child has a place and the administrators see these details – not the rest of the editorial team.

- **Purpose:** to allocate places fairly, keep waiting lists and run the care safely.
- **Legal basis:** Article 6 (1) (e) GDPR in conjunction with Book Eight of the Social Code (child and youth welfare); for health data your explicit consent (Article 9 (2) (a) GDPR), which you can withdraw at any time.
- **Recipients:** the provider of the offer in which your child has a place.
- **Retention:** until the season is closed and the configured period has passed (default: 180 days); then a job deletes the children, contacts, wishes and places of that season automatically.

## Surveys

Surveys are anonymous. With your answers we store only the day (no time) and the channel through which you came to the survey (for example "Familienzentrum Pelkum") – no name, no account, no IP address and nothing about your device. If you pause a survey, we keep your answers so far under a random key for 30 days at most. Access codes are kept apart from the answers and deleted when you submit, so that no code can be linked to an answer. Results never show a group with fewer than 5 answers.

- **Legal basis:** Article 6 (1) (e) GDPR in conjunction with Section 3 DSG NRW.
- **Retention:** paused surveys 30 days; the anonymous answers as long as the city needs them for its family reporting.

## Reporting a barrier

If you tell us about a barrier using the form [Report a barrier](/barriere-melden), we store the page concerned, your description and, only if you give it, your email address. The editorial team receives the report by email.

- **Purpose:** to remove the barrier and to reply to you if you wish.
- **Legal basis:** Article 6 (1) (e) GDPR in conjunction with Section 3 DSG NRW and the rules on accessible information technology (Disability Equality Act NRW and Accessible Information Technology Ordinance NRW); for the optional email address your consent (Article 6 (1) (a) GDPR).
- **Retention:** reports are deleted automatically after one year.

## Recipients

The portal is operated by [Placeholder: data centre or IT service provider acting on behalf of the city under Article 28 GDPR, with its seat]. Within the city administration only staff who need your data for their task can see it. We pass your data to others only where a law obliges us to.

## Retention at a glance

- Session: until you log out, 12 hours at most
- Counters against abuse: until their time window ends
- Account: until you delete it; unconfirmed accounts 7 days
- Email sending jobs: 7 days; copies in the outbox: 30 days
- Barrier reports: 1 year
- Family newsletter: until you unsubscribe, then 30 days; unconfirmed sign-ups 7 days
- Email address given with an event suggestion: 30 days after the decision
- Holiday care (children, contacts, wishes, places): until the configured period after the season closes (default 180 days)
- Paused surveys: 30 days
- Change log: 3 years

## Your rights

You have the right to

- access your data (Article 15 GDPR),
- have incorrect data rectified (Article 16 GDPR),
- erasure (Article 17 GDPR),
- restriction of processing (Article 18 GDPR),
- data portability (Article 20 GDPR),
- object to processing on grounds relating to your particular situation (Article 21 GDPR).

If we rectify or erase data or restrict its processing, we inform the recipients (Article 19 GDPR). You can withdraw consent at any time with effect for the future (Article 7 (3) GDPR). Please contact the controller named above or the data protection officer.

## Complaints to the supervisory authority

If you believe that we process your data unlawfully, you can complain to the supervisory authority (Article 77 GDPR). The competent authority is:

Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW, State Commissioner for Data Protection and Freedom of Information of North Rhine-Westphalia)
Kavalleriestraße 2–4
40213 Düsseldorf
[www.ldi.nrw.de](https://www.ldi.nrw.de)

## Do you have to give us data?

No. You can read all public pages without giving any data. An account, and functions that need to reply to you, require an email address.

The German version of this notice is the legally binding one.`,
    },

    barrierefreiheit: {
      title: 'Accessibility statement',
      body: `The City of ${f.city} is committed to making the ${f.portal} accessible in accordance with the Disability Equality Act of North Rhine-Westphalia (BGG NRW) and the Accessible Information Technology Ordinance of North Rhine-Westphalia (BITV NRW). These implement Directive (EU) 2016/2102.

This accessibility statement applies to the ${f.portal} at [Placeholder: web address of the portal, e.g. https://families.city.example].

## Compliance status

The standard is the requirements of the BITV NRW and the European standard EN 301 549. For websites they correspond to the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA.

In our assessment the ${f.portal} is **partially** compliant with these requirements. Which content is not accessible, and why, is listed in the next section. [Placeholder: result of the assessment: fully, partially or not compliant]

Explanations of the portal are also available in [German Sign Language](/gebaerdensprache) and in [Easy German (Leichte Sprache)](/leichte-sprache).

## Non-accessible content

The following content is not, or only partly, accessible for the reasons given.

### Non-compliance with the requirements

- Services, events and holiday offers are entered by clubs, associations and other providers themselves. The editorial team does not check these texts completely for accessibility: some entries may contain technical terms without explanation or images with imprecise alternative text. If something is unclear, the ${f.officeName} will help you (contact below).
- The participant lists of holiday care that providers download as PDF are not accessible PDF documents (no tags for screen readers). The same information is available accessibly on the page itself and as a CSV file.
- The videos in German Sign Language are still placeholders without signing. What the videos are to explain is written as text below each video. [Placeholder: delete this item once the sign language videos are ready.]
- [Placeholder: further shortcomings found in the assessment, each with the content affected, the reason and the accessible way to the same information – or delete this line]

### Disproportionate burden

[Placeholder: content for which the city claims a disproportionate burden, each with reasons and an alternative – or “None.”]

### Content outside the scope

[Placeholder: content to which the requirements do not apply, e.g. files published before 23 September 2018 or third-party content that the city neither funds nor controls – or “None.”]

## Preparation of this statement

This statement was prepared on [Placeholder: date of preparation, DD.MM.YYYY].
The assessment is based on [Placeholder: method, either “a self-assessment by the city” or “a test by” with the name of the testing body, each with date and test procedure, e.g. BITV test].
The statement was last reviewed on [Placeholder: date of the last review, DD.MM.YYYY].

We review this statement at least once a year and after every major change to the portal.

## Feedback and contact information

Have you noticed a barrier in the ${f.portal}? Or do you need information from non-accessible content in another form? Then tell us:

- Online with our form: [Report a barrier](/barriere-melden)
- Email: ${f.editorsEmail}
- Phone: ${f.officePhone} (${f.officeName}, ${f.officeHours})
- Post: ${f.officeName}, ${f.officeAddress}

We answer your feedback [Placeholder: time limit for the answer, e.g. within one month]. We tell you how and by when we will remove the barrier, or how else you can get the information.

Responsible for the accessibility of the portal: [Placeholder: responsible department of the city administration with the job title of the contact person]

## Enforcement procedure

If you have received no answer, or no satisfactory answer, to your feedback, you can turn to the Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen (ombudsman's office for accessible information technology of North Rhine-Westphalia) and apply for an ombudsman procedure. The office belongs to the Commissioner for People with Disabilities of North Rhine-Westphalia (Landesbeauftragte für Menschen mit Behinderung NRW). It mediates between you and the City of ${f.city} so that a solution is found. The legal basis is section 10d BGG NRW and sections 9 ff. BITV NRW.

You can apply in writing, by email or with the office's application form. Describe the barrier and give your name, your address and the body concerned (here: City of ${f.city}, ${f.portal}).

Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen
at the Landesbeauftragte für Menschen mit Behinderung NRW
[Placeholder: postal address of the ombudsman's office, check on its website before publishing]
Phone: [Placeholder: phone number of the ombudsman's office, check]
Email: [Placeholder: email address of the ombudsman's office, check]
Web: [Placeholder: web address of the ombudsman's office with the application form, check]`,
    },

    gebaerdensprache: {
      title: 'Information in German Sign Language',
      body: `## About the videos

The videos explain in German Sign Language (Deutsche Gebärdensprache, DGS) what the ${f.portal} offers, how to use it and what the accessibility statement says. Every video has captions in German. Below each video its content is also written out as text, and you can download the video.

The videos come from our own server. We do not embed videos from other providers or video platforms. So no other provider learns that you watch a video, and there is no advertising.

## How to reach us

The ${f.officeName} also answers your questions in writing:

- Email: ${f.officeEmail}
- Text message (SMS): [Placeholder: mobile number for text messages]
- Video call in sign language: [Placeholder: number or address for video calls]
- Post: ${f.officeName}, ${f.officeAddress}

For a meeting at the family office we book a sign language interpreter on request. Please let us know in good time, preferably by email. [Placeholder: how to book and who pays for the interpreter]`,
    },
  };
}
