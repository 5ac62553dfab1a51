import type { PersonalDataDeclaration } from './declarations.js';

/** The README's table "was wie lange gespeichert wird", rendered from the declarations (a test keeps the README in step). */
export function privacyTable(declarations: readonly PersonalDataDeclaration[]): string {
  const code = (text: string) => `\`${text}\``;
  const relation = (d: PersonalDataDeclaration) => {
    const s = d.subject;
    if ('user' in s) return `${code(s.user)} = Konto`;
    if ('email' in s) return `${code(s.email)} = E-Mail-Adresse des Kontos`;
    return `${code(s.via)} → ${code(s.of)}`;
  };
  const enforcedBy = (d: PersonalDataDeclaration) => (d.retention.sweep ? ' (`platform.maintenance`)' : d.retention.job ? ` (${code(d.retention.job)})` : '');
  const onErase = (d: PersonalDataDeclaration) =>
    d.onErase === 'delete' ? 'gelöscht' : d.onErase === 'unlink' ? 'Bezug entfernt, Eintrag bleibt' : 'Angaben geleert';
  const columns = (d: PersonalDataDeclaration) => Object.keys(d.columns).map(code).join(', ') || '–';
  const rows = declarations.map(
    (d) => `| ${code(d.name)} | ${code(d.table)} | ${relation(d)} | ${columns(d)} | ${d.purpose} | ${d.retention.rule}${enforcedBy(d)} | ${onErase(d)} |`,
  );
  return [
    '| Export-Schlüssel | Tabelle | Bezug zur Person | weitere Spalten | Zweck | Aufbewahrung (Auftrag) | beim Löschen des Kontos |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
