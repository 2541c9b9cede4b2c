// ARM scopes as paths: `/subscriptions/{id}/resourceGroups/{rg}/providers/...`. A role assignment at a scope
// reaches that scope and everything below it; ARM compares paths without regard to case.

/** One leading slash, none trailing (`//subscriptions/x/` is `/subscriptions/x`; the root is `/`). */
export function normaliseScope(scope: string): string {
  const trimmed = scope.replace(/^\/+/, "").replace(/\/+$/, "");
  return `/${trimmed}`;
}

/** Whether an assignment at `scope` applies to `target` (the same path, or one below it). */
export function covers(scope: string, target: string): boolean {
  const s = normaliseScope(scope).toLowerCase();
  const t = normaliseScope(target).toLowerCase();
  return s === "/" || t === s || t.startsWith(`${s}/`);
}
