/** Azure's ids of subscriptions, tenants, principals and role definitions: GUIDs, any case. */
export const isGuid = (value: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
