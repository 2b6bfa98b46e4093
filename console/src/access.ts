import type { Me, PermissionCode } from './api/types';

/** What the signed-in operator may do, from the permissions of their roles (SPEC X-1). */
export interface Access {
  has(permission: PermissionCode): boolean;
  any(...permissions: PermissionCode[]): boolean;
}

export function accessOf(me: Pick<Me, 'permissions'> | null | undefined): Access {
  const held = new Set<string>(me?.permissions ?? []);
  return {
    has: (p) => held.has(p),
    any: (...ps) => ps.some((p) => held.has(p)),
  };
}

/** A rule of access for a page or an action; pages without one are open to every operator. */
export type AccessRule = (access: Access) => boolean;
