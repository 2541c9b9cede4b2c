// The provider's configuration keys (namespace `compute-gallery`), described once for every place
// that lists them: the plugin's package schema, its CheckConfig and the README's configuration table.
// readSettings (settings.ts) interprets them.
export interface SettingKey {
  readonly key: string;
  readonly description: string;
  /** Never shown or stored in plain text. */
  readonly secret?: true;
}

export const SETTINGS_NAMESPACE = "compute-gallery";

export const SETTING_KEYS: readonly SettingKey[] = [
  {
    key: "backend",
    description: "local (default: the embedded emulator), emulator (one you started) or azure.",
  },
  {
    key: "subscriptionId",
    description: "Azure subscription (else AZURE_SUBSCRIPTION_ID); setting it without backend selects azure.",
  },
  {
    key: "accessGrantedRegions",
    description:
      'Regions whose access request Azure granted, e.g. ["australiacentral"] or a comma-separated list.',
  },
  {
    key: "stateDir",
    description: "local: where the embedded emulator keeps its state (default .compute-gallery).",
  },
  {
    key: "emulatorSeedFile",
    description:
      "local: JSON file of image sources the emulator knows (managed images, snapshots, VMs, VHDs).",
  },
  {
    key: "expectedLoad",
    description:
      'Per region, VMs and scale sets created at the same time, e.g. {"westeurope": {"concurrentVms": 120}}: preview warns when a version has fewer replicas than Azure\'s guidance for that load.',
  },
  {
    key: "prices",
    description:
      'What the subscription pays, for the review report: {"currency": "EUR", "storagePerGBMonth": {"Standard_LRS": 0.05, "Premium_LRS": {"default": 0.12, "eastus": 0.1}}, "egressPerGB": 0.02}. Never guessed: without it, quantities only.',
  },
  {
    key: "intent",
    description:
      'Which galleries (or gallery/image) hold production and test images, and which are locked outside the program: {"production": ["corpImages"], "test": ["devImages"], "locked": ["corpImages"]}. Turns on best-practice advice.',
  },
  { key: "replicationSpeed", description: "local: GB per second per region that replication writes." },
  { key: "emulatorEndpoint", description: "emulator: its URL, e.g. https://127.0.0.1:8443." },
  { key: "emulatorCertificatePath", description: "emulator: its certificate (PEM)." },
  { key: "emulatorTenantId", description: "emulator: the tenant of its client credentials." },
  { key: "emulatorClientId", description: "emulator: the client id of its client credentials." },
  {
    key: "emulatorClientSecret",
    description: "emulator: the client secret of its client credentials (set it with --secret).",
    secret: true,
  },
];
