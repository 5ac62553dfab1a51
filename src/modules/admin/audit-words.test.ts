import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry, hasAuditWords } from './audit-words.js';

const srcDir = path.resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [path.join(dir, e.name)] : [],
  );

/** The text of every recordAudit(…) call, over as many lines as the call takes. */
function auditCalls(source: string): string[] {
  const calls: string[] = [];
  for (let start = source.indexOf('recordAudit('); start !== -1; start = source.indexOf('recordAudit(', start + 1)) {
    if (source.slice(Math.max(0, start - 9), start) === 'function ') continue;
    let depth = 0;
    let end = start + 'recordAudit'.length;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    calls.push(source.slice(start, end + 1));
  }
  return calls;
}

/** Every action literal in a call that records an audit entry, plus the ones built from a variable. */
function recordedActions(): string[] {
  // The review workflow (platform/review) builds its actions from each kind's prefix.
  const reviewed = ['directory', 'places'].flatMap((prefix) =>
    ['entry_submitted', 'entry_published', 'proposal_withdrawn', 'revision_approved', 'revision_rejected'].map((a) => `${prefix}.${a}`),
  );
  const actions = new Set([
    ...reviewed,
    'survey.open',
    'survey.close',
    'survey.publish',
    'holidays.offer_approved',
    'holidays.offer_rejected',
    'content.sign_video_added',
  ]);
  for (const file of files(srcDir)) {
    for (const call of auditCalls(readFileSync(file, 'utf8'))) {
      const literals = [...call.matchAll(/action:[^,]*?'([a-z_]+\.[a-z_]+)'(?:\s*:\s*'([a-z_]+\.[a-z_]+)')?/g)];
      for (const match of literals) for (const found of match.slice(1)) if (found) actions.add(found);
    }
  }
  return [...actions].sort();
}

describe('the audit log in words', () => {
  it('has a German sentence for every action the code records', () => {
    const actions = recordedActions();
    expect(actions.length).toBeGreaterThan(40);
    expect(actions.filter((action) => !hasAuditWords(action))).toEqual([]);
  });

  it('says what happened, with the details, in whole sentences', () => {
    expect(describeAuditEntry('user.role_changed', { from: 'family', to: 'editor' }, 'de')).toBe(
      'Hat die Rolle eines Kontos von „Familie“ zu „Redaktion“ geändert.',
    );
    expect(describeAuditEntry('survey.codes_generated', { count: 1 }, 'de')).toBe('Hat 1 Zugangscode für eine Befragung erzeugt.');
    expect(describeAuditEntry('survey.codes_generated', { count: 250 }, 'de')).toBe('Hat 250 Zugangscodes für eine Befragung erzeugt.');
    expect(describeAuditEntry('translation.saved', { locale: 'tr', title: 'Ferienspiele' }, 'de')).toBe('Hat „Ferienspiele“ ins Türkische übersetzt.');
    expect(describeAuditEntry('translation.proposal_discarded', { locale: 'pl', title: 'Ferienspiele' }, 'de')).toBe(
      'Hat den Vorschlag einer polnischen Übersetzung von „Ferienspiele“ verworfen.',
    );
    expect(describeAuditEntry('holidays.phase_changed', { from: 'wishes', to: 'allocation' }, 'en')).toBe(
      'Moved holiday care from “handing in wishes” to “places being allocated”.',
    );
  });

  it('names the action of an old entry that lacks a detail, instead of failing', () => {
    expect(describeAuditEntry('membership.added', {}, 'de')).toBe('Aktion „membership.added“');
    expect(describeAuditEntry('something.new', {}, 'de')).toBe('Aktion „something.new“');
  });
});
