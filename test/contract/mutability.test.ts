// Every row of the mutability table through both sides: the provider's diff says update or replace;
// the emulator, given a PUT that makes the same change to an existing resource, accepts it (update)
// or refuses it with Azure's error (replace). The changes below are valid Azure values picked by hand
// per argument; the verdicts come from the provider and the emulator, never from this file.
import {
  checkGallery,
  checkGalleryImage,
  checkGalleryImageVersion,
  checkGalleryRoleAssignment,
  type CheckResult,
} from "../../provider/lifecycle/check";
import { diffResource } from "../../provider/lifecycle/diff";
import { MUTABILITY, type MutabilityEntry, type ResourceKind } from "../../provider/model/mutability";
import { authorizationClient, FAST, fetchToken, request } from "../emulator/client";
import { SUBSCRIPTION_A, TENANT } from "../sharingIds";
import {
  type Backend,
  CHECK_CONTEXT,
  HOME,
  refusalOf,
  type Refusal,
  RG,
  SOURCE,
  startBackend,
} from "./harness";

type Body = Record<string, any>;
type Base = "wholeImage" | "disks" | "vhds";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-src/providers";
const ids = {
  source2: `${SUB}/Microsoft.Compute/images/golden2`,
  vm1: `${SUB}/Microsoft.Compute/virtualMachines/vm1`,
  vm2: `${SUB}/Microsoft.Compute/virtualMachines/vm2`,
  snapOs1: `${SUB}/Microsoft.Compute/snapshots/os1`,
  snapOs2: `${SUB}/Microsoft.Compute/snapshots/os2`,
  snapData1: `${SUB}/Microsoft.Compute/snapshots/data1`,
  snapData2: `${SUB}/Microsoft.Compute/snapshots/data2`,
  vhdOs1: "https://vhds.blob.core.windows.net/images/os1.vhd",
  vhdOs2: "https://vhds.blob.core.windows.net/images/os2.vhd",
  vhdData1: "https://vhds.blob.core.windows.net/images/data1.vhd",
  vhdData2: "https://vhds.blob.core.windows.net/images/data2.vhd",
  account1: `${SUB}/Microsoft.Storage/storageAccounts/vhds`,
  account2: `${SUB}/Microsoft.Storage/storageAccounts/vhds2`,
  des1: `${SUB}/Microsoft.Compute/diskEncryptionSets/des1`,
  des2: `${SUB}/Microsoft.Compute/diskEncryptionSets/des2`,
  identity1: `${SUB}/Microsoft.ManagedIdentity/userAssignedIdentities/id1`,
  identity2: `${SUB}/Microsoft.ManagedIdentity/userAssignedIdentities/id2`,
  community1: "/CommunityGalleries/contoso-1111/Images/ubuntu/Versions/1.0.0",
  community2: "/CommunityGalleries/contoso-1111/Images/ubuntu/Versions/2.0.0",
};
const REGISTERED = [
  ids.source2,
  ids.vm1,
  ids.vm2,
  ids.snapOs1,
  ids.snapOs2,
  ids.snapData1,
  ids.snapData2,
  ids.vhdOs1,
  ids.vhdOs2,
  ids.vhdData1,
  ids.vhdData2,
];

const SHARED_WITH = [SUBSCRIPTION_A, TENANT];

function galleryBody(): Body {
  return {
    location: HOME,
    tags: { team: "platform" },
    description: "Golden images",
    identity: { type: "UserAssigned", userAssignedIdentities: { [ids.identity1]: {} } },
    // The PUT ignores the groups (the share action changes them): the emulator must accept any change.
    sharingProfile: {
      permissions: "Groups",
      groups: [{ type: "Subscriptions", ids: [SHARED_WITH[0]] }],
      communityGalleryInfo: {
        publisherUri: "https://contoso.example",
        publisherContact: "images@contoso.example",
        eula: "https://contoso.example/eula",
        publicNamePrefix: "contoso",
      },
    },
    softDeletePolicy: { isSoftDeleteEnabled: false },
  };
}

function imageBody(sku: string): Body {
  return {
    location: HOME,
    tags: { os: "ubuntu" },
    description: "Ubuntu 22.04",
    eula: "https://contoso.example/eula",
    privacyStatementUri: "https://contoso.example/privacy",
    releaseNoteUri: "https://contoso.example/notes",
    osType: "Linux",
    osState: "Generalized",
    hyperVGeneration: "V2",
    architecture: "x64",
    endOfLifeDate: "2030-01-01T00:00:00.000Z",
    identifier: { publisher: "Contoso", offer: "Contract", sku },
    recommended: { vCPUs: { min: 2, max: 16 }, memory: { min: 4, max: 64 } },
    disallowed: { diskTypes: ["Standard_LRS"] },
    purchasePlan: { name: "plan", publisher: "contoso", product: "finance" },
    features: [{ name: "SecurityType", value: "TrustedLaunch" }],
  };
}

const STORAGE: Record<Base, () => Body> = {
  wholeImage: () => ({ source: { id: SOURCE } }),
  disks: () => ({
    osDiskImage: { hostCaching: "ReadWrite", source: { id: ids.snapOs1 } },
    dataDiskImages: [{ lun: 0, hostCaching: "ReadOnly", source: { id: ids.snapData1 } }],
  }),
  vhds: () => ({
    osDiskImage: { hostCaching: "ReadWrite", source: { uri: ids.vhdOs1, storageAccountId: ids.account1 } },
    dataDiskImages: [
      { lun: 0, hostCaching: "ReadOnly", source: { uri: ids.vhdData1, storageAccountId: ids.account1 } },
    ],
  }),
};

function versionBody(base: Base): Body {
  const encryption = (des: string) => ({ osDiskImage: { diskEncryptionSetId: des } });
  return {
    location: HOME,
    tags: { build: "42" },
    publishingProfile: {
      targetRegions: [
        {
          name: HOME,
          regionalReplicaCount: 1,
          storageAccountType: "Standard_LRS",
          excludeFromLatest: false,
          encryption: encryption(ids.des1),
          additionalReplicaSets: [{ storageAccountType: "PremiumV2_LRS", regionalReplicaCount: 1 }],
        },
        { name: "westus2", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" },
      ],
      replicaCount: 1,
      excludeFromLatest: false,
      endOfLifeDate: "2030-01-01T00:00:00.000Z",
      storageAccountType: "Standard_LRS",
      replicationMode: "Full",
      targetExtendedLocations: [
        {
          name: "westus",
          extendedLocation: { name: "microsoftlosangeles1", type: "EdgeZone" },
          extendedLocationReplicaCount: 1,
          storageAccountType: "StandardSSD_LRS",
          encryption: encryption(ids.des1),
        },
      ],
    },
    storageProfile: STORAGE[base](),
    safetyProfile: { allowDeletionOfReplicatedLocations: false, blockDeletionBeforeEndOfLife: false },
    securityProfile: {
      uefiSettings: {
        signatureTemplateNames: ["MicrosoftUefiCertificateAuthorityTemplate"],
        additionalSignatures: { db: [{ type: "x509", value: ["MIIBaaaa"] }] },
      },
    },
  };
}

interface Change {
  /** Which version body to start from (the source kinds cannot be combined in one version). */
  readonly base?: Base;
  /** Edits the image definition's body before the change (a change that needs another start). */
  readonly before?: (body: Body) => void;
  /** Makes the change in a copy of the body (the resource's own name and parents are not in it). */
  readonly apply: (body: Body) => void;
}

/** A Gen1 definition: Trusted Launch (the body's security type) needs Gen2, so it says Standard. */
const asGeneration1 = (body: Body) => {
  body.hyperVGeneration = "V1";
  body.features = [{ name: "SecurityType", value: "Standard" }];
};
const first = (body: Body) => body.publishingProfile.targetRegions[0];
const edge = (body: Body) => body.publishingProfile.targetExtendedLocations[0];
const disk = (body: Body) => body.storageProfile.dataDiskImages[0];

const ROLE_DEFINITIONS =
  "/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleDefinitions";
const ROLES: Record<string, string> = {
  Reader: `${ROLE_DEFINITIONS}/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
  Contributor: `${ROLE_DEFINITIONS}/b24988ac-6180-42a0-ab88-20f7382dd24c`,
};

/** A grant of its own per row: Azure refuses a second assignment of one role to one principal at one scope. */
function roleAssignmentBody(index: number): Body {
  return {
    principalId: `5e1f0000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    principalType: "Group",
    roleName: "Reader",
    roleDefinitionId: ROLES.Reader,
    description: "Consumers read the images",
    allowImageVersionScope: false,
  };
}

/** One valid change per row: the argument set to another value Azure accepts in a new resource. */
const CHANGES: Record<string, Change> = {
  "galleryRoleAssignment principalId": {
    apply: (b) => (b.principalId = String(b.principalId).replace(/^5e1f/, "5e2f")),
  },
  "galleryRoleAssignment principalType": { apply: (b) => (b.principalType = "ServicePrincipal") },
  "galleryRoleAssignment roleDefinitionId": {
    apply: (b) => {
      b.roleDefinitionId = ROLES.Contributor;
      delete b.roleName;
    },
  },
  "galleryRoleAssignment roleName": {
    apply: (b) => {
      b.roleName = "Contributor";
      delete b.roleDefinitionId;
    },
  },
  "galleryRoleAssignment description": { apply: (b) => (b.description = "Build agents read the images") },
  "galleryRoleAssignment allowImageVersionScope": { apply: (b) => (b.allowImageVersionScope = true) },
  "gallery location": { apply: (b) => (b.location = "westus2") },
  "gallery description": { apply: (b) => (b.description = "Other images") },
  "gallery tags": { apply: (b) => (b.tags = { team: "security" }) },
  "gallery identity.type": { apply: (b) => (b.identity.type = "SystemAssigned, UserAssigned") },
  "gallery identity.userAssignedIdentities": {
    apply: (b) => (b.identity.userAssignedIdentities = { [ids.identity2]: {} }),
  },
  "gallery sharingProfile.permissions": {
    apply: (b) => {
      b.sharingProfile.permissions = "Community";
      delete b.sharingProfile.groups;
    },
  },
  "gallery sharingProfile.groups[]": {
    apply: (b) => b.sharingProfile.groups.push({ type: "AADTenants", ids: [SHARED_WITH[1]] }),
  },
  "gallery sharingProfile.groups[].ids": {
    apply: (b) => b.sharingProfile.groups[0].ids.push(SHARED_WITH[1]),
  },
  "gallery sharingProfile.communityGalleryInfo.publisherUri": {
    apply: (b) => (b.sharingProfile.communityGalleryInfo.publisherUri = "https://fabrikam.example"),
  },
  "gallery sharingProfile.communityGalleryInfo.publisherContact": {
    apply: (b) => (b.sharingProfile.communityGalleryInfo.publisherContact = "ops@contoso.example"),
  },
  "gallery sharingProfile.communityGalleryInfo.eula": {
    apply: (b) => (b.sharingProfile.communityGalleryInfo.eula = "https://contoso.example/eula2"),
  },
  "gallery sharingProfile.communityGalleryInfo.publicNamePrefix": {
    apply: (b) => (b.sharingProfile.communityGalleryInfo.publicNamePrefix = "fabrikam"),
  },
  "gallery softDeletePolicy.isSoftDeleteEnabled": {
    apply: (b) => (b.softDeletePolicy.isSoftDeleteEnabled = true),
  },

  "galleryImage location": { apply: (b) => (b.location = "westus2") },
  "galleryImage tags": { apply: (b) => (b.tags = { os: "debian" }) },
  "galleryImage description": { apply: (b) => (b.description = "Ubuntu 24.04") },
  "galleryImage endOfLifeDate": { apply: (b) => (b.endOfLifeDate = "2031-01-01T00:00:00.000Z") },
  "galleryImage releaseNoteUri": { apply: (b) => (b.releaseNoteUri = "https://contoso.example/notes2") },
  "galleryImage recommended.vCPUs.min": { apply: (b) => (b.recommended.vCPUs.min = 4) },
  "galleryImage recommended.vCPUs.max": { apply: (b) => (b.recommended.vCPUs.max = 32) },
  "galleryImage recommended.memory.min": { apply: (b) => (b.recommended.memory.min = 8) },
  "galleryImage recommended.memory.max": { apply: (b) => (b.recommended.memory.max = 128) },
  "galleryImage disallowed.diskTypes": { apply: (b) => (b.disallowed.diskTypes = ["Premium_LRS"]) },
  "galleryImage eula": { apply: (b) => (b.eula = "https://contoso.example/eula2") },
  "galleryImage privacyStatementUri": {
    apply: (b) => (b.privacyStatementUri = "https://contoso.example/p2"),
  },
  "galleryImage osType": { apply: (b) => (b.osType = "Windows") },
  "galleryImage osState": { apply: (b) => (b.osState = "Specialized") },
  // From Gen1 (and security type Standard, which Gen1 allows) to Gen2.
  "galleryImage hyperVGeneration": {
    before: asGeneration1,
    apply: (b) => (b.hyperVGeneration = "V2"),
  },
  "galleryImage architecture": { apply: (b) => (b.architecture = "Arm64") },
  "galleryImage identifier.publisher": { apply: (b) => (b.identifier.publisher = "Fabrikam") },
  "galleryImage identifier.offer": { apply: (b) => (b.identifier.offer = "Other") },
  "galleryImage identifier.sku": { apply: (b) => (b.identifier.sku = `${b.identifier.sku}b`) },
  "galleryImage purchasePlan.name": { apply: (b) => (b.purchasePlan.name = "plan2") },
  "galleryImage purchasePlan.publisher": { apply: (b) => (b.purchasePlan.publisher = "fabrikam") },
  "galleryImage purchasePlan.product": { apply: (b) => (b.purchasePlan.product = "payroll") },
  "galleryImage features": {
    apply: (b) => b.features.push({ name: "IsAcceleratedNetworkSupported", value: "true" }),
  },
  "galleryImage allowUpdateImage": { apply: (b) => (b.allowUpdateImage = true) },

  "galleryImageVersion location": { apply: (b) => (b.location = "westus2") },
  "galleryImageVersion tags": { apply: (b) => (b.tags = { build: "43" }) },
  "galleryImageVersion publishingProfile.targetRegions[]": {
    apply: (b) => b.publishingProfile.targetRegions.push({ name: "northeurope" }),
  },
  "galleryImageVersion publishingProfile.targetRegions[].regionalReplicaCount": {
    apply: (b) => (first(b).regionalReplicaCount = 2),
  },
  "galleryImageVersion publishingProfile.targetRegions[].storageAccountType": {
    apply: (b) => (first(b).storageAccountType = "Premium_LRS"),
  },
  "galleryImageVersion publishingProfile.targetRegions[].excludeFromLatest": {
    apply: (b) => (first(b).excludeFromLatest = true),
  },
  "galleryImageVersion publishingProfile.targetRegions[].encryption": {
    apply: (b) => (first(b).encryption = { osDiskImage: { diskEncryptionSetId: ids.des2 } }),
  },
  "galleryImageVersion publishingProfile.targetRegions[].additionalReplicaSets": {
    apply: (b) => (first(b).additionalReplicaSets[0].regionalReplicaCount = 2),
  },
  "galleryImageVersion publishingProfile.replicaCount": {
    apply: (b) => (b.publishingProfile.replicaCount = 2),
  },
  "galleryImageVersion publishingProfile.excludeFromLatest": {
    apply: (b) => (b.publishingProfile.excludeFromLatest = true),
  },
  "galleryImageVersion publishingProfile.endOfLifeDate": {
    apply: (b) => (b.publishingProfile.endOfLifeDate = "2031-01-01T00:00:00.000Z"),
  },
  "galleryImageVersion publishingProfile.storageAccountType": {
    apply: (b) => (b.publishingProfile.storageAccountType = "Premium_LRS"),
  },
  "galleryImageVersion publishingProfile.replicationMode": {
    apply: (b) => (b.publishingProfile.replicationMode = "Shallow"),
  },
  "galleryImageVersion publishingProfile.targetExtendedLocations[]": {
    apply: (b) =>
      b.publishingProfile.targetExtendedLocations.push({
        name: "eastus",
        extendedLocation: { name: "microsoftnewyork1", type: "EdgeZone" },
        extendedLocationReplicaCount: 1,
      }),
  },
  "galleryImageVersion publishingProfile.targetExtendedLocations[].extendedLocationReplicaCount": {
    apply: (b) => (edge(b).extendedLocationReplicaCount = 2),
  },
  "galleryImageVersion publishingProfile.targetExtendedLocations[].storageAccountType": {
    apply: (b) => (edge(b).storageAccountType = "Premium_LRS"),
  },
  "galleryImageVersion publishingProfile.targetExtendedLocations[].encryption": {
    apply: (b) => (edge(b).encryption = { osDiskImage: { diskEncryptionSetId: ids.des2 } }),
  },
  "galleryImageVersion storageProfile.source.id": {
    apply: (b) => (b.storageProfile.source.id = ids.source2),
  },
  "galleryImageVersion storageProfile.source.virtualMachineId": {
    apply: (b) => (b.storageProfile.source = { virtualMachineId: ids.vm2 }),
  },
  "galleryImageVersion storageProfile.source.communityGalleryImageId": {
    apply: (b) => (b.storageProfile.source = { communityGalleryImageId: ids.community2 }),
  },
  "galleryImageVersion storageProfile.osDiskImage.source.id": {
    base: "disks",
    apply: (b) => (b.storageProfile.osDiskImage.source.id = ids.snapOs2),
  },
  "galleryImageVersion storageProfile.osDiskImage.source.uri": {
    base: "vhds",
    apply: (b) => (b.storageProfile.osDiskImage.source.uri = ids.vhdOs2),
  },
  "galleryImageVersion storageProfile.osDiskImage.source.storageAccountId": {
    base: "vhds",
    apply: (b) => (b.storageProfile.osDiskImage.source.storageAccountId = ids.account2),
  },
  "galleryImageVersion storageProfile.osDiskImage.hostCaching": {
    base: "disks",
    apply: (b) => (b.storageProfile.osDiskImage.hostCaching = "ReadOnly"),
  },
  "galleryImageVersion storageProfile.dataDiskImages[]": {
    base: "disks",
    apply: (b) => b.storageProfile.dataDiskImages.push({ lun: 1, source: { id: ids.snapData2 } }),
  },
  "galleryImageVersion storageProfile.dataDiskImages[].source.id": {
    base: "disks",
    apply: (b) => (disk(b).source.id = ids.snapData2),
  },
  "galleryImageVersion storageProfile.dataDiskImages[].source.uri": {
    base: "vhds",
    apply: (b) => (disk(b).source.uri = ids.vhdData2),
  },
  "galleryImageVersion storageProfile.dataDiskImages[].source.storageAccountId": {
    base: "vhds",
    apply: (b) => (disk(b).source.storageAccountId = ids.account2),
  },
  "galleryImageVersion storageProfile.dataDiskImages[].hostCaching": {
    base: "disks",
    apply: (b) => (disk(b).hostCaching = "None"),
  },
  "galleryImageVersion safetyProfile.allowDeletionOfReplicatedLocations": {
    apply: (b) => (b.safetyProfile.allowDeletionOfReplicatedLocations = true),
  },
  "galleryImageVersion safetyProfile.blockDeletionBeforeEndOfLife": {
    apply: (b) => (b.safetyProfile.blockDeletionBeforeEndOfLife = true),
  },
  "galleryImageVersion restore": { apply: (b) => (b.restore = true) },
  // The provider never sends it (a runtime test pins that); ARM ignores what it does not know.
  "galleryImageVersion usedSizeInGB": { apply: (b) => (b.usedSizeInGB = 12) },
  "galleryImageVersion securityProfile.uefiSettings.signatureTemplateNames": {
    apply: (b) => (b.securityProfile.uefiSettings.signatureTemplateNames = ["MicrosoftWindowsTemplate"]),
  },
  "galleryImageVersion securityProfile.uefiSettings.additionalSignatures": {
    apply: (b) =>
      (b.securityProfile.uefiSettings.additionalSignatures = { db: [{ type: "x509", value: ["MIIBbbbb"] }] }),
  },
};

/** The version bodies whose base is not the managed image: the VM and community-image sources. */
const SOURCE_BASES: Record<string, Body> = {
  "galleryImageVersion storageProfile.source.virtualMachineId": { virtualMachineId: ids.vm1 },
  "galleryImageVersion storageProfile.source.communityGalleryImageId": {
    communityGalleryImageId: ids.community1,
  },
};

// ---- the provider's side -------------------------------------------------------------------------

type Verdict = "update" | "replace" | "no change";

const CHECK: Record<ResourceKind, (news: Body) => CheckResult> = {
  gallery: (news) => checkGallery({}, news, CHECK_CONTEXT),
  galleryImage: (news) => checkGalleryImage({}, news, CHECK_CONTEXT),
  galleryImageVersion: (news) => checkGalleryImageVersion({}, news, CHECK_CONTEXT),
  galleryRoleAssignment: (news) => checkGalleryRoleAssignment({}, news, CHECK_CONTEXT),
};

function checked(kind: ResourceKind, news: Body): Body {
  const { inputs, failures } = CHECK[kind](news);
  if (failures.length > 0) throw new Error(`the fixture fails check: ${JSON.stringify(failures)}`);
  return inputs;
}

function providerVerdict(kind: ResourceKind, names: Body, before: Body, after: Body): Verdict {
  const outcome = diffResource(
    kind,
    checked(kind, { ...names, ...before }),
    checked(kind, { ...names, ...after }),
  );
  if (outcome.replaces.length > 0) return "replace";
  return outcome.updates.length > 0 ? "update" : "no change";
}

// ---- the emulator's side -------------------------------------------------------------------------

/** The SDK serializes dates from Date objects. */
function forSdk(body: Body): any {
  const copy = structuredClone(body);
  if (typeof copy.endOfLifeDate === "string") copy.endOfLifeDate = new Date(copy.endOfLifeDate);
  const profile = copy.publishingProfile;
  if (typeof profile?.endOfLifeDate === "string") profile.endOfLifeDate = new Date(profile.endOfLifeDate);
  return copy;
}

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
  const { token } = await fetchToken(backend.emu);
  for (const id of REGISTERED) {
    const body = { id, location: HOME, osDiskSizeGB: 1 };
    const registered = await request(backend.emu, "PUT", "/admin/sources", { token, body });
    if (registered.status >= 300) throw new Error(`registering ${id} failed: ${registered.text}`);
  }
  await backend.client.galleries.createOrUpdate(RG, "images", { location: HOME }, FAST);
  await backend.client.galleries.createOrUpdate(RG, "versions", { location: HOME }, FAST);
  await backend.client.galleryImages.createOrUpdate(
    RG,
    "versions",
    "img",
    forSdk({ ...imageBody("versions"), purchasePlan: undefined, features: undefined }),
    FAST,
  );
}, 60_000);
afterAll(() => backend.stop());

interface Resource {
  readonly names: Body;
  readonly put: (body: Body) => PromiseLike<unknown>;
}

function resourceFor(entry: MutabilityEntry, index: number): Resource {
  const { client } = backend;
  switch (entry.resource) {
    case "gallery": {
      const galleryName = `g${index}`;
      return {
        names: { resourceGroupName: RG, galleryName },
        put: (body) => client.galleries.createOrUpdate(RG, galleryName, forSdk(body), FAST),
      };
    }
    case "galleryImage": {
      const galleryImageName = `img${index}`;
      return {
        names: { resourceGroupName: RG, galleryName: "images", galleryImageName },
        put: (body) =>
          client.galleryImages.createOrUpdate(RG, "images", galleryImageName, forSdk(body), FAST),
      };
    }
    case "galleryImageVersion": {
      const galleryImageVersionName = `1.0.${index}`;
      return {
        names: {
          resourceGroupName: RG,
          galleryName: "versions",
          galleryImageName: "img",
          galleryImageVersionName,
        },
        put: (body) =>
          client.galleryImageVersions.createOrUpdate(
            RG,
            "versions",
            "img",
            galleryImageVersionName,
            forSdk(body),
            FAST,
          ),
      };
    }
    case "galleryRoleAssignment": {
      // One assignment per row, on the gallery `images`, named by the row's index.
      const scope = `/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/images`;
      const roleAssignmentName = `c0de0000-0000-4000-8000-${String(index).padStart(12, "0")}`;
      return {
        names: { scope, roleAssignmentName },
        // Azure takes the role by id: the role a name stands for is the id the provider looks up.
        put: (body) =>
          authorizationClient(backend.emu).roleAssignments.create(scope, roleAssignmentName, {
            roleDefinitionId: body.roleName ? ROLES[body.roleName]! : body.roleDefinitionId,
            principalId: body.principalId,
            principalType: body.principalType,
            description: body.description,
          }),
      };
    }
  }
}

function baseBody(entry: MutabilityEntry, name: string, index: number): Body {
  switch (entry.resource) {
    case "gallery":
      return galleryBody();
    case "galleryImage": {
      const body = imageBody(`sku${index}`);
      CHANGES[name]?.before?.(body);
      return body;
    }
    case "galleryImageVersion": {
      const body = versionBody(CHANGES[name]?.base ?? "wholeImage");
      const source = SOURCE_BASES[name];
      if (source) body.storageProfile.source = source;
      return body;
    }
    case "galleryRoleAssignment":
      return roleAssignmentBody(index);
  }
}

/** Rows of the names that make up the resource id: no PUT can change them in place. */
const ID_PATHS = new Set([
  "resourceGroupName",
  "galleryName",
  "galleryImageName",
  "galleryImageVersionName",
  "scope",
  "roleAssignmentName",
]);

const rows = MUTABILITY.map((entry, index) => [`${entry.resource} ${entry.path}`, entry, index] as const);

describe.each(rows.filter(([, entry]) => !ID_PATHS.has(entry.path)))("%s", (name, entry, index) => {
  it("the emulator accepts a change in place exactly when the provider updates", async () => {
    const change = CHANGES[name];
    if (change === undefined) throw new Error(`no change written for the row ${name}: add one to CHANGES`);
    const resource = resourceFor(entry, index);
    const before = baseBody(entry, name, index);
    const after = structuredClone(before);
    change.apply(after);

    const expected = providerVerdict(entry.resource, resource.names, before, after);
    await resource.put(before);
    const refusal = await refusalOf(() => resource.put(after));
    expect({ provider: expected, emulator: emulatorVerdict(refusal), refusal }).toMatchObject({
      provider: expected,
      emulator: expected === "replace" ? "refused" : "accepted",
    });
  });
});

/** A refusal counts only with Azure's code for it; anything else is a broken fixture, shown as such. */
function emulatorVerdict(refusal: Refusal | undefined): string {
  if (refusal === undefined) return "accepted";
  // A child resource lives in its parent's region, so moving it is refused as a location mismatch.
  const changeOfParent =
    refusal.code === "InvalidParameter" && /location .* must be the location of its/.test(refusal.message);
  return refusal.code === "PropertyChangeNotAllowed" ||
    refusal.code === "RoleAssignmentUpdateNotPermitted" ||
    changeOfParent
    ? "refused"
    : `failed (${refusal.code})`;
}

describe.each(rows.filter(([, entry]) => ID_PATHS.has(entry.path)))("%s", (_name, entry) => {
  it("is a replacement: ARM has no rename, a changed id is another resource", () => {
    const kind = entry.resource;
    const names = resourceFor(entry, 0).names;
    const body = baseBody(entry, "", 0);
    const renamed = {
      ...names,
      [entry.path]:
        entry.path === "galleryImageVersionName"
          ? "9.9.9"
          : entry.path === "roleAssignmentName"
            ? "c0de0000-0000-4000-8000-ffffffffffff"
            : `${String(names[entry.path])}x`,
    };
    expect(
      diffResource(kind, checked(kind, { ...names, ...body }), checked(kind, { ...renamed, ...body }))
        .replaces,
    ).toEqual([entry.path]);
  });
});

// The 2024-03-03 spec's GalleryImage_UpdateFeatures, beyond the table's single row.
describe("features with allowUpdateImage", () => {
  const cases: [string, (b: Body) => void, Verdict, ((b: Body) => void)?][] = [
    // allowUpdateImage is "set to true if the gallery image features are being updated" (GalleryRP
    // 2024-03-03, unchanged in 2025-03-03), and the features it updates are DiskControllerTypes,
    // SecurityType, IsAcceleratedNetworkSupported and IsHibernateSupported (Azure/azure-cli#33172, the
    // feature's request by the Compute team): the Hyper-V generation is not among them.
    [
      "Gen1 to Gen2 with Trusted Launch support from a later version",
      (b) => {
        b.allowUpdateImage = true;
        b.hyperVGeneration = "V2";
        b.features = [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }];
      },
      "replace",
      asGeneration1,
    ],
    [
      "an added feature with startsAtVersion",
      (b) => {
        b.allowUpdateImage = true;
        b.features.push({ name: "IsAcceleratedNetworkSupported", value: "true", startsAtVersion: "2.0.0" });
      },
      "update",
    ],
    [
      "a changed feature with startsAtVersion",
      (b) => {
        b.allowUpdateImage = true;
        b.features = [{ name: "SecurityType", value: "TrustedLaunchSupported", startsAtVersion: "2.0.0" }];
      },
      "update",
    ],
    [
      "an added feature without startsAtVersion",
      (b) => {
        b.allowUpdateImage = true;
        b.features.push({ name: "IsAcceleratedNetworkSupported", value: "true" });
      },
      "replace",
    ],
    [
      "a removed feature",
      (b) => {
        b.allowUpdateImage = true;
        b.features = [{ name: "IsAcceleratedNetworkSupported", value: "true", startsAtVersion: "2.0.0" }];
      },
      "replace",
    ],
  ];
  it.each(
    cases.map(([name, apply, verdict, prepare], index) => [name, apply, verdict, index, prepare] as const),
  )("%s: both give the verdict the spec implies", async (_name, apply, verdict, index, prepare) => {
    const galleryImageName = `features${index}`;
    const names = { resourceGroupName: RG, galleryName: "images", galleryImageName };
    const before = imageBody(`features${index}`);
    prepare?.(before);
    const after = structuredClone(before);
    apply(after);
    const put = (body: Body) =>
      backend.client.galleryImages.createOrUpdate(RG, "images", galleryImageName, forSdk(body), FAST);
    expect(providerVerdict("galleryImage", names, before, after)).toBe(verdict);
    await put(before);
    expect(emulatorVerdict(await refusalOf(() => put(after)))).toBe(
      verdict === "replace" ? "refused" : "accepted",
    );
  });
});
