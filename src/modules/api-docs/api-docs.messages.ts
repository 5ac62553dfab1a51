import { defineMessages } from '../../platform/i18n/i18n.js';

export const apiDocsMessages = defineMessages(
  'api-docs/api-docs.messages',
  {
    title: 'Offene Schnittstelle (API)',
    intro: 'Das Familienrathaus hat eine offene Schnittstelle. Die Beschreibung im Format OpenAPI 3.1 können Sie herunterladen:',
    download: 'OpenAPI-Beschreibung (JSON)',
    errors: 'Fehler antworten immer mit einem JSON-Objekt {"error": {"code": "…", "message": "…"}}. Der code bleibt stabil.',
    operations: 'Schnittstellen',
    method: 'Methode',
    path: 'Pfad',
    summary: 'Beschreibung',
    responses: 'Antworten',
  },
  {
    title: 'Open interface (API)',
    intro: 'The Familienrathaus has an open interface. You can download its description in OpenAPI 3.1 format:',
    download: 'OpenAPI description (JSON)',
    errors: 'Errors always answer with a JSON object {"error": {"code": "…", "message": "…"}}. The code stays stable.',
    operations: 'Operations',
    method: 'Method',
    path: 'Path',
    summary: 'Description',
    responses: 'Responses',
  },
);
