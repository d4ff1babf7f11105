export const agencyRoles = ['administrator', 'programme_adviser', 'finance_officer'] as const;
export const organisationRoles = ['partner_coordinator', 'partner_finance'] as const;
export type AgencyRole = (typeof agencyRoles)[number];
export type OrganisationRole = (typeof organisationRoles)[number];
export type RoleCode = AgencyRole | OrganisationRole | 'participant';

export interface Membership {
  organisationId: string;
  role: OrganisationRole;
}

/** Who is acting: a visitor, or a signed-in person with the roles the database gives them. */
export type Actor =
  | { kind: 'visitor' }
  | {
      kind: 'user';
      userId: string;
      name: string;
      email: string;
      locale: string;
      agencyRoles: AgencyRole[];
      memberships: Membership[];
      participantIds: string[];
    }
  /** The platform itself (seed, workers): allowed everything, recorded as "system" in the audit trail. */
  | { kind: 'system'; label: string };

export const visitor: Actor = { kind: 'visitor' };
export const system = (label: string): Actor => ({ kind: 'system', label });

export type UserActor = Extract<Actor, { kind: 'user' }>;
