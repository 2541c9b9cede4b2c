// The Azure SDK's authorization client (role assignments), imported here and nowhere else in the
// provider. Only role assignments need it, so accessApi.ts loads it on their first call.
export { AuthorizationManagementClient } from "@azure/arm-authorization";
