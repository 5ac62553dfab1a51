import { describe, expect, it } from 'vitest';
import type { Role } from '../../../db/types.js';
import { can, type WorkflowAction, type WorkflowActor } from './workflow.policy.js';

const actor = (role: Role, organizations: string[] = []): WorkflowActor => ({
  id: 'u',
  role,
  email: 'x@example.org',
  displayName: 'X',
  organizationIds: new Set(organizations),
});
const actions: WorkflowAction[] = ['entries.read', 'entries.edit', 'entries.publish', 'entries.review', 'organizations.trust'];
const allowed = (a: WorkflowActor | null, org: string) => actions.filter((action) => can(a, action, org));

describe('who may do what in the directory workflow', () => {
  it('lets members read and edit only their own organisation', () => {
    expect(allowed(actor('provider', ['mine']), 'mine')).toEqual(['entries.read', 'entries.edit']);
    expect(allowed(actor('partner', ['mine']), 'mine')).toEqual(['entries.read', 'entries.edit']);
    expect(allowed(actor('provider', ['mine']), 'theirs')).toEqual([]);
  });

  it('lets editors and admins do everything for every organisation', () => {
    expect(allowed(actor('editor'), 'any')).toEqual(actions);
    expect(allowed(actor('admin'), 'any')).toEqual(actions);
  });

  it('lets families and nobody do nothing, membership or not', () => {
    expect(allowed(actor('family', ['mine']), 'mine')).toEqual([]);
    expect(allowed(null, 'mine')).toEqual([]);
  });
});
