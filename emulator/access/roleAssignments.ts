// Role assignments of the emulator's tenant, kept in the store's meta table (one JSON map keyed by the
// lower-case assignment id), so they share the request's transaction and survive restarts like resources.
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

const KEY = "roleAssignments";

function all(store: Store): Record<string, RoleAssignmentRecord> {
  return JSON.parse(store.getMeta(KEY) ?? "{}") as Record<string, RoleAssignmentRecord>;
}

export function getAssignment(store: Store, id: string): RoleAssignmentRecord | undefined {
  return all(store)[id.toLowerCase()];
}

export function listAssignments(store: Store): RoleAssignmentRecord[] {
  return Object.values(all(store)).sort((a, b) => a.createdOn.localeCompare(b.createdOn));
}

export function putAssignment(store: Store, assignment: RoleAssignmentRecord): void {
  store.setMeta(KEY, JSON.stringify({ ...all(store), [assignment.id.toLowerCase()]: assignment }));
}

export function deleteAssignment(store: Store, id: string): void {
  const assignments = all(store);
  delete assignments[id.toLowerCase()];
  store.setMeta(KEY, JSON.stringify(assignments));
}
