/** Platform roles (what a login may do); working-group roles in an incident are a separate catalogue. */
export enum Role {
  Admin = 'admin',
  Leader = 'leader',
  Officer = 'officer',
  Analyst = 'analyst',
  Observer = 'observer',
}

export const ALL_ROLES = Object.values(Role);
