// The Azure SDK's authorization client (role assignments), imported here and nowhere else in the
// provider. Bundled by the build like computeSdk.ts, but on its own: it runs on the SDK's CommonJS
// build, the compute client on its ESM build, so one bundle would hold the shared SDK code twice.
// Only role assignments need it, so accessApi.ts loads it on their first call.
export { AuthorizationManagementClient } from "@azure/arm-authorization";
