import { describe, expect, it } from 'vitest';
import type { UserRow } from '../db/users.ts';
import { resolveRecipients } from './resolveRecipients.ts';

const user = (
  id: string,
  roles: string[],
  units: string[],
  deactivatedAt: number | null = null,
): UserRow => ({
  id,
  email: `${id}@test.io`,
  name: id,
  passwordHash: 'x',
  roles,
  businessUnits: units,
  deactivatedAt,
  createdAt: 0,
});

const users = [
  user('rec-emea', ['recruiter'], ['emea']),
  user('rec-apac', ['recruiter'], ['apac']),
  user('rec-gone', ['recruiter'], ['emea'], 5),
  user('tam', ['approver', 'ta_manager'], ['emea', 'apac']),
  user('global', ['recruiter'], ['*']),
];

describe('resolveRecipients', () => {
  it("reaches the active holders of a role or approver group in the instance's unit only", () => {
    expect(resolveRecipients(users, 'emea', [{ role: 'recruiter' }]).map((u) => u.id)).toEqual([
      'global',
      'rec-emea',
    ]);
    expect(resolveRecipients(users, 'apac', [{ role: 'ta_manager' }]).map((u) => u.id)).toEqual(['tam']);
  });

  it('adds named users by id or email, once each, and never a deactivated one', () => {
    const to = [{ role: 'ta_manager' }, { user: 'TAM@test.io' }, { user: 'rec-apac' }, { user: 'rec-gone' }];
    expect(resolveRecipients(users, 'emea', to).map((u) => u.id)).toEqual(['rec-apac', 'tam']);
  });

  it('finds nobody for a role nobody holds', () => {
    expect(resolveRecipients(users, 'emea', [{ role: 'finance' }])).toEqual([]);
  });
});
