// Role assignments of the emulator's tenant, kept in the store's meta table keyed by assignment id, so
// they share the request's transaction and survive restarts like resources.
import { metaMap } from "../store/metaMap";
import type { Store } from "../store/store";

export interface RoleAssignmentRecord {
  /** `{scope}/providers/Microsoft.Authorization/roleAssignments/{name}`, as first written. */
  id: string;
  name: string;
  scope: string;
  /** Subscription form of the role-definition id. */
  roleDefinitionId: string;
  principalId: string;
  principalType: string;
  description: string | null;
  createdOn: string;
  createdBy: string;
}

const assignments = metaMap<RoleAssignmentRecord>("roleAssignments");

export const getAssignment = (store: Store, id: string): RoleAssignmentRecord | undefined =>
  assignments.get(store, id);

export const listAssignments = (store: Store): RoleAssignmentRecord[] =>
  assignments.list(store).sort((a, b) => a.createdOn.localeCompare(b.createdOn));

export const putAssignment = (store: Store, assignment: RoleAssignmentRecord): void =>
  assignments.put(store, assignment.id, assignment);

export const deleteAssignment = (store: Store, id: string): void => assignments.delete(store, id);
