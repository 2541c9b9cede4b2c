// The check rules as data: each case is a resource kind, old and new inputs and the check context,
// so the same cases run through the pure check (check.test.ts) and through both front doors
// (frontDoors.test.ts).
import {
  checkGallery,
  checkGalleryImage,
  checkGalleryImageVersion,
  checkGalleryRoleAssignment,
  type CheckContext,
  type CheckResult,
} from "../../provider/lifecycle/check";
import type { ResourceKind } from "../../provider/model/mutability";
import { COMMUNITY_INFO, SUBSCRIPTION_A, SUBSCRIPTION_B, TENANT } from "../sharingIds";
import {
  CTX,
  edited,
  exampleGalleryArgs,
  exampleImageArgs,
  exampleRoleAssignmentArgs,
  exampleVersionArgs,
  GALLERY_ID,
  UNKNOWN,
} from "./fixtures";

export interface CheckCase {
  kind: ResourceKind;
  olds: Record<string, any>;
  news: Record<string, any>;
  ctx: CheckContext;
}

const PURE = {
  gallery: checkGallery,
  galleryImage: checkGalleryImage,
  galleryImageVersion: checkGalleryImageVersion,
  galleryRoleAssignment: checkGalleryRoleAssignment,
};

/** The pure check of a case. */
export function checkCase(c: CheckCase): CheckResult {
  return PURE[c.kind](c.olds, c.news, c.ctx);
}

type Run = CheckCase;
const gallery = (change: (g: any) => void, olds = {}): Run => ({
  kind: "gallery",
  olds,
  news: edited(exampleGalleryArgs(), change),
  ctx: CTX,
});
const image = (change: (i: any) => void, olds = {}): Run => ({
  kind: "galleryImage",
  olds,
  news: edited(exampleImageArgs(), change),
  ctx: CTX,
});
const version = (
  change: (v: any) => void,
  olds: Record<string, unknown> = {},
  ctx: CheckContext = CTX,
): Run => ({
  kind: "galleryImageVersion",
  olds,
  news: edited(exampleVersionArgs(), change),
  ctx,
});
const grant = (change: (a: any) => void): Run => ({
  kind: "galleryRoleAssignment",
  olds: {},
  news: edited(exampleRoleAssignmentArgs(), change),
  ctx: CTX,
});
const VM_ID = "/subscriptions/0000/resourceGroups/rg-src/providers/Microsoft.Compute/virtualMachines/builder";
const DES_ID =
  "/subscriptions/0000/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des";
/** The example definition, made Trusted Launch, as the program declares it. */
const TRUSTED_LAUNCH = {
  ...exampleImageArgs(),
  features: [{ name: "SecurityType", value: "TrustedLaunch" }],
};
/** A context whose program declares this definition and a gallery with this sharing profile. */
const withParents = (definition: Record<string, any> | undefined, sharingProfile?: Record<string, any>) => ({
  ...CTX,
  program: {
    definition: () => definition,
    gallery: () => (sharingProfile === undefined ? undefined : { ...exampleGalleryArgs(), sharingProfile }),
  },
});
const VERSION_SCOPE = `${GALLERY_ID}/images/ubuntu/versions/1.0.0`;
const regions = (v: any) => v.publishingProfile.targetRegions;
const checkedVersion = checkGalleryImageVersion({}, exampleVersionArgs(), CTX).inputs;
const [SUB_A, SUB_B] = [SUBSCRIPTION_A, SUBSCRIPTION_B];
const COMMUNITY_PROFILE = {
  permissions: "Community",
  communityGalleryInfo: { ...COMMUNITY_INFO, publicNamePrefix: "contoso-images" },
};

export const failing: [rule: string, run: Run, property: string, mentions: string[]][] = [
  [
    "sharing groups need permissions Groups",
    gallery((g) => (g.sharingProfile = { groups: [{ type: "Subscriptions", ids: [SUB_A] }] })),
    "sharingProfile.groups",
    ['"Private" (the default)', 'permissions is "Groups"'],
  ],
  [
    "sharing groups are refused on a community gallery",
    gallery(
      (g) => (g.sharingProfile = { ...COMMUNITY_PROFILE, groups: [{ type: "AADTenants", ids: [SUB_A] }] }),
    ),
    "sharingProfile.groups",
    ['"Community"', 'permissions is "Groups"'],
  ],
  [
    "a sharing group type is Subscriptions or AADTenants",
    gallery(
      (g) => (g.sharingProfile = { permissions: "Groups", groups: [{ type: "Tenants", ids: [SUB_A] }] }),
    ),
    "sharingProfile.groups[0].type",
    ['"Tenants"', "Subscriptions, AADTenants"],
  ],
  [
    "a subscription id is a GUID",
    gallery(
      (g) =>
        (g.sharingProfile = {
          permissions: "Groups",
          groups: [{ type: "Subscriptions", ids: [SUB_A, "prod-sub"] }],
        }),
    ),
    "sharingProfile.groups[0].ids[1]",
    ['"prod-sub"', "subscription id", "GUID"],
  ],
  [
    "a tenant id is a GUID",
    gallery(
      (g) =>
        (g.sharingProfile = {
          permissions: "Groups",
          groups: [{ type: "AADTenants", ids: ["contoso.com"] }],
        }),
    ),
    "sharingProfile.groups[0].ids[0]",
    ['"contoso.com"', "tenant id", "GUID"],
  ],
  [
    "a group type is listed once",
    gallery(
      (g) =>
        (g.sharingProfile = {
          permissions: "Groups",
          groups: [
            { type: "Subscriptions", ids: [SUB_A] },
            { type: "Subscriptions", ids: [SUB_B] },
          ],
        }),
    ),
    "sharingProfile.groups[1].type",
    ['"Subscriptions" twice', "once"],
  ],
  [
    "an id is listed once in its group (GUIDs compare case-insensitively)",
    gallery(
      (g) =>
        (g.sharingProfile = {
          permissions: "Groups",
          groups: [{ type: "Subscriptions", ids: [SUB_A, SUB_A.toUpperCase()] }],
        }),
    ),
    "sharingProfile.groups[0].ids[1]",
    ["listed twice"],
  ],
  ...(["publisherUri", "publisherContact", "eula", "publicNamePrefix"] as const).map(
    (field): [string, Run, string, string[]] => [
      `a community gallery needs communityGalleryInfo.${field}`,
      gallery((g) => {
        g.sharingProfile = structuredClone(COMMUNITY_PROFILE);
        delete g.sharingProfile.communityGalleryInfo[field];
      }),
      `sharingProfile.communityGalleryInfo.${field}`,
      ["required", '"Community"'],
    ],
  ),
  [
    "the community publisher link is an http(s) URL",
    gallery(
      (g) =>
        (g.sharingProfile = edited(
          COMMUNITY_PROFILE,
          (p) => (p.communityGalleryInfo.publisherUri = "contoso.com"),
        )),
    ),
    "sharingProfile.communityGalleryInfo.publisherUri",
    ['"contoso.com"', "http:// or https://"],
  ],
  [
    "a publisher link with another scheme is refused",
    gallery(
      (g) =>
        (g.sharingProfile = edited(
          COMMUNITY_PROFILE,
          (p) => (p.communityGalleryInfo.publisherUri = "ftp://contoso.com"),
        )),
    ),
    "sharingProfile.communityGalleryInfo.publisherUri",
    ['"ftp://contoso.com"', "http:// or https://"],
  ],
  [
    "the community publisher contact is an e-mail address",
    gallery(
      (g) =>
        (g.sharingProfile = edited(
          COMMUNITY_PROFILE,
          (p) => (p.communityGalleryInfo.publisherContact = "Contoso Images"),
        )),
    ),
    "sharingProfile.communityGalleryInfo.publisherContact",
    ['"Contoso Images"', "e-mail address"],
  ],
  [
    "a blank EULA is refused",
    gallery(
      (g) => (g.sharingProfile = edited(COMMUNITY_PROFILE, (p) => (p.communityGalleryInfo.eula = "   "))),
    ),
    "sharingProfile.communityGalleryInfo.eula",
    ["blank"],
  ],
  [
    "the public name prefix is letters, digits and inner hyphens",
    gallery(
      (g) =>
        (g.sharingProfile = edited(
          COMMUNITY_PROFILE,
          (p) => (p.communityGalleryInfo.publicNamePrefix = "contoso images"),
        )),
    ),
    "sharingProfile.communityGalleryInfo.publicNamePrefix",
    ['"contoso images"', "letters and digits", "<prefix>-<GUID>"],
  ],
  [
    "publisher details are validated also before the gallery is shared with the community",
    gallery((g) => (g.sharingProfile = { communityGalleryInfo: { publisherContact: "nobody" } })),
    "sharingProfile.communityGalleryInfo.publisherContact",
    ['"nobody"', "e-mail address"],
  ],
  [
    "a grant on a single image version is refused with the documentation's reason",
    grant((a) => (a.scope = VERSION_SCOPE)),
    "scope",
    [
      VERSION_SCOPE,
      "sharing at gallery level is recommended",
      "single image versions is not",
      "allowImageVersionScope",
    ],
  ],
  [
    "a grant's scope must be a gallery, definition or version id",
    grant((a) => (a.scope = "/subscriptions/sub/resourceGroups/rg-images")),
    "scope",
    ['"/subscriptions/sub/resourceGroups/rg-images"', "not the ARM id of a gallery", "/galleries/<gallery>"],
  ],
  [
    "a grant's scope may not be another resource type",
    grant(
      (a) =>
        (a.scope = "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa"),
    ),
    "scope",
    ["Microsoft.Storage/storageAccounts/sa", "image definition"],
  ],
  [
    "a grant needs a role, by name or by id",
    grant((a) => delete a.roleName),
    "roleDefinitionId",
    ["roleName", "roleDefinitionId", "required"],
  ],
  [
    "roleDefinitionId must be a role definition id",
    grant((a) => {
      delete a.roleName;
      a.roleDefinitionId = "Reader";
    }),
    "roleDefinitionId",
    ['"Reader"', "/providers/Microsoft.Authorization/roleDefinitions/<GUID>"],
  ],
  [
    "principalId must be a GUID",
    grant((a) => (a.principalId = "alice@contoso.com")),
    "principalId",
    ['"alice@contoso.com"', "GUID"],
  ],
  [
    "principalType is User, Group or ServicePrincipal",
    grant((a) => (a.principalType = "Device")),
    "principalType",
    ['"Device"', "User", "Group", "ServicePrincipal"],
  ],
  ["principalType is required", grant((a) => delete a.principalType), "principalType", ["required"]],
  [
    "roleAssignmentName must be a GUID",
    grant((a) => (a.roleAssignmentName = "readers")),
    "roleAssignmentName",
    ['"readers"', "GUID"],
  ],
  [
    "a misspelt argument names the key",
    version((v) => (v.publishingProfile.replicaCont = 2)),
    "publishingProfile.replicaCont",
    ['"replicaCont"', 'did you mean "replicaCount"'],
  ],
  [
    "a misspelt top-level argument names the key",
    gallery((g) => (g.descripton = "x")),
    "descripton",
    ['"descripton"', "description"],
  ],
  ["a missing required argument is named", image((i) => delete i.osType), "osType", ["required"]],
  [
    "osType must be Windows or Linux",
    image((i) => (i.osType = "Linuxx")),
    "osType",
    ['"Linuxx"', "Windows, Linux"],
  ],
  [
    "osState must be Generalized or Specialized",
    image((i) => (i.osState = "generalised")),
    "osState",
    ['"generalised"', "Generalized, Specialized"],
  ],
  [
    "hyperVGeneration must be V1 or V2",
    image((i) => (i.hyperVGeneration = "V3")),
    "hyperVGeneration",
    ['"V3"', "V1, V2"],
  ],
  [
    "architecture must be x64 or Arm64",
    image((i) => (i.architecture = "arm")),
    "architecture",
    ['"arm"', "x64, Arm64"],
  ],
  [
    "storageAccountType must be a known storage type",
    version((v) => (regions(v)[1].storageAccountType = "Ultra")),
    "publishingProfile.targetRegions[1].storageAccountType",
    ['"Ultra"', "Standard_LRS, Standard_ZRS, Premium_LRS"],
  ],
  [
    "replicationMode must be Full or Shallow",
    version((v) => (v.publishingProfile.replicationMode = "Deep")),
    "publishingProfile.replicationMode",
    ['"Deep"', "Full, Shallow"],
  ],
  [
    "hostCaching must be a known caching mode",
    version((v) => (v.storageProfile.osDiskImage = { hostCaching: "Write", source: { id: "/s" } })),
    "storageProfile.osDiskImage.hostCaching",
    ['"Write"', "None, ReadOnly, ReadWrite"],
  ],
  [
    "a replica count must be an integer",
    version((v) => (v.publishingProfile.replicaCount = 1.5)),
    "publishingProfile.replicaCount",
    ["integer", "1.5"],
  ],
  [
    "gallery names reject hyphens",
    gallery((g) => (g.galleryName = "corp-images")),
    "galleryName",
    ['"corp-images"', "hyphens", '"_" and "."'],
  ],
  [
    "gallery names do not start with a dot",
    gallery((g) => (g.galleryName = ".corp")),
    "galleryName",
    ['".corp"', "not starting or ending"],
  ],
  [
    "gallery names do not end with an underscore",
    gallery((g) => (g.galleryName = "corp_")),
    "galleryName",
    ['"corp_"'],
  ],
  [
    "gallery names have at most 80 characters",
    gallery((g) => (g.galleryName = "a".repeat(81))),
    "galleryName",
    ["1-80"],
  ],
  [
    "image names allow letters, digits, '.', '-', '_' only",
    image((i) => (i.galleryImageName = "ubuntu 22")),
    "galleryImageName",
    ['"ubuntu 22"', '".", "-" and "_"'],
  ],
  ...["-img", "img.", "_x"].map((name): [string, Run, string, string[]] => [
    `image name ${name} is refused: Azure needs a letter or digit first and last`,
    image((i) => (i.galleryImageName = name)),
    "galleryImageName",
    [`"${name}"`, "starting and ending with a letter or digit"],
  ]),
  [
    "image names have at most 80 characters",
    image((i) => (i.galleryImageName = "u".repeat(81))),
    "galleryImageName",
    ["1-80"],
  ],
  [
    "version names are Major.Minor.Patch",
    version((v) => (v.galleryImageVersionName = "1.0")),
    "galleryImageVersionName",
    ['"1.0"', "Major.Minor.Patch"],
  ],
  [
    "version name parts fit a 32-bit integer",
    version((v) => (v.galleryImageVersionName = "1.0.2147483648")),
    "galleryImageVersionName",
    ["2,147,483,647"],
  ],
  [
    "resource group names do not end with a dot",
    gallery((g) => (g.resourceGroupName = "rg.")),
    "resourceGroupName",
    ['"rg."'],
  ],
  [
    "recommended vCPUs need min <= max",
    image((i) => (i.recommended = { vCPUs: { min: 8, max: 2 } })),
    "recommended.vCPUs.min",
    ["8", "2", "min <= max"],
  ],
  [
    "recommended memory needs min <= max",
    image((i) => (i.recommended = { memory: { min: 64, max: 4 } })),
    "recommended.memory.min",
    ["64", "4"],
  ],
  [
    "a new endOfLifeDate must be in the future",
    image((i) => (i.endOfLifeDate = "2020-01-01T00:00:00Z")),
    "endOfLifeDate",
    ['"2020-01-01T00:00:00Z"', "future"],
  ],
  [
    "a changed version endOfLifeDate must be in the future",
    version((v) => (v.publishingProfile.endOfLifeDate = "2021-01-01"), {
      publishingProfile: { endOfLifeDate: "2020-01-01" },
    }),
    "publishingProfile.endOfLifeDate",
    ["future"],
  ],
  [
    "an endOfLifeDate must be a date",
    image((i) => (i.endOfLifeDate = "soon")),
    "endOfLifeDate",
    ['"soon"', "ISO 8601"],
  ],
  [
    "the location must be a known region",
    gallery((g) => (g.location = "westeros")),
    "location",
    ['"westeros"', "not a known Azure region"],
  ],
  [
    "target regions must be known",
    version((v) => regions(v).push({ name: "Mars Central" })),
    "publishingProfile.targetRegions[2].name",
    ['"Mars Central"', "not a known Azure region"],
  ],
  [
    "target regions are listed once after normalisation",
    version((v) => regions(v).push({ name: "West Europe" })),
    "publishingProfile.targetRegions[2].name",
    ['"West Europe"', "targetRegions[0]", "once"],
  ],
  [
    "regionalReplicaCount is at most 50",
    version((v) => (regions(v)[1].regionalReplicaCount = 51)),
    "publishingProfile.targetRegions[1].regionalReplicaCount",
    ["51", "1 to 50"],
  ],
  [
    "regionalReplicaCount is at least 1",
    version((v) => (regions(v)[1].regionalReplicaCount = 0)),
    "publishingProfile.targetRegions[1].regionalReplicaCount",
    ["0", "1 to 50"],
  ],
  [
    "replicaCount is at most 50",
    version((v) => (v.publishingProfile.replicaCount = 52)),
    "publishingProfile.replicaCount",
    ["52", "1 to 50"],
  ],
  [
    "Standard_ZRS needs a region with availability zones",
    version((v) => regions(v).push({ name: "West US", storageAccountType: "Standard_ZRS" })),
    "publishingProfile.targetRegions[2].storageAccountType",
    ["Standard_ZRS", "West US", "availability zones"],
  ],
  [
    "Standard_ZRS inherited from the profile needs zones too",
    version((v) => {
      v.publishingProfile.storageAccountType = "Standard_ZRS";
      regions(v).push({ name: "northcentralus" });
    }),
    "publishingProfile.targetRegions[2].storageAccountType",
    ["inherited from publishingProfile.storageAccountType"],
  ],
  [
    "a target region of a sovereign cloud is refused: both backends are the public cloud",
    version((v) => regions(v).push({ name: "China North 3" })),
    "publishingProfile.targetRegions[2].name",
    ['"China North 3"', "Azure China cloud", "public Azure cloud only"],
  ],
  [
    "a location in a sovereign cloud is refused: both backends are the public cloud",
    gallery((g) => (g.location = "usdodeast")),
    "location",
    ['"usdodeast"', "Azure Government cloud", "public Azure cloud only"],
  ],
  [
    "Standard_ZRS in Japan West is refused: Azure lists no zone-redundant storage there",
    version((v) => regions(v).push({ name: "japanwest", storageAccountType: "Standard_ZRS" })),
    "publishingProfile.targetRegions[2].storageAccountType",
    ["Standard_ZRS", "Japan West", "availability zones"],
  ],
  [
    "access-request regions need a granted request",
    version((v) => regions(v).push({ name: "Australia Central 2" })),
    "publishingProfile.targetRegions[2].name",
    ["Australia Central 2", "access request", "compute-gallery:accessGrantedRegions"],
  ],
  [
    "a gallery in an access-request region needs a granted request, as Azure refuses it otherwise",
    gallery((g) => (g.location = "australiacentral")),
    "location",
    ["Australia Central", "access request", "compute-gallery:accessGrantedRegions"],
  ],
  [
    "the version's location must be a target region",
    version((v) => regions(v).shift()),
    "publishingProfile.targetRegions",
    ['"westeurope"', "source region", "must be one of its target regions"],
  ],
  [
    "removing a region with replicas needs allowDeletionOfReplicatedLocations",
    version((v) => regions(v).pop(), checkedVersion),
    "publishingProfile.targetRegions",
    ["East US", "delete the replicas", "allowDeletionOfReplicatedLocations"],
  ],
  [
    "a version needs a source",
    version((v) => (v.storageProfile = {})),
    "storageProfile.source",
    ["needs a source"],
  ],
  [
    "a VHD source needs its storage account",
    version((v) => (v.storageProfile = { osDiskImage: { source: { uri: "https://a/b.vhd" } } })),
    "storageProfile.osDiskImage.source.storageAccountId",
    ["https://a/b.vhd", "storage account"],
  ],
  [
    "data disk LUNs are unique",
    version(
      (v) =>
        (v.storageProfile.dataDiskImages = [
          { lun: 1, source: { id: "/a" } },
          { lun: 1, source: { id: "/b" } },
        ]),
    ),
    "storageProfile.dataDiskImages[1].lun",
    ["LUN 1", "dataDiskImages[0]"],
  ],
];

export const passing: [rule: string, run: Run][] = [
  [
    "documented features in any case, on a generation 2 definition",
    image(
      (i) =>
        (i.features = [
          { name: "securitytype", value: "trustedlaunchsupported" },
          { name: "IsAcceleratedNetworkSupported", value: "true" },
          { name: "DiskControllerTypes", value: "SCSI,NVMe" },
          { name: "IsHibernateSupported", value: "False" },
        ]),
    ),
  ],
  [
    "a feature name Azure does not document (a preview warning, not a failure)",
    image((i) => (i.features = [{ name: "IsVbsSupported", value: "anything" }])),
  ],
  [
    "security type Standard on a generation 1 definition",
    image((i) => {
      i.hyperVGeneration = "V1";
      i.features = [{ name: "SecurityType", value: "Standard" }];
    }),
  ],
  [
    "Trusted Launch when the Hyper-V generation is unknown at preview",
    image((i) => (i.hyperVGeneration = UNKNOWN)),
  ],
  [
    "a VM as the source of a Trusted Launch version",
    version(
      (v) => (v.storageProfile = { source: { virtualMachineId: VM_ID } }),
      {},
      withParents(TRUSTED_LAUNCH),
    ),
  ],
  [
    "a managed image as the source of a TrustedLaunchSupported version",
    version(
      () => undefined,
      {},
      withParents({
        ...TRUSTED_LAUNCH,
        features: [{ name: "SecurityType", value: "TrustedLaunchSupported" }],
      }),
    ),
  ],
  ["a managed image when the program does not declare the definition", version(() => undefined)],
  [
    "an encrypted version in a private gallery",
    version(
      (v) => (regions(v)[0].encryption = { osDiskImage: { diskEncryptionSetId: DES_ID } }),
      {},
      withParents(undefined, { permissions: "Private" }),
    ),
  ],
  [
    "an encrypted version when the program does not declare the gallery",
    version((v) => (regions(v)[0].encryption = { osDiskImage: { diskEncryptionSetId: DES_ID } })),
  ],
  ["Reader on a gallery for a group, by role name", grant(() => undefined)],
  [
    "a role by its id on an image definition",
    grant((a) => {
      delete a.roleName;
      a.scope = `${GALLERY_ID}/images/ubuntu`;
      a.roleDefinitionId =
        "/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7";
    }),
  ],
  [
    "a grant on an image version when allowImageVersionScope is true",
    grant((a) => {
      a.scope = VERSION_SCOPE;
      a.allowImageVersionScope = true;
    }),
  ],
  ["a scope unknown at preview (the gallery is being created)", grant((a) => (a.scope = UNKNOWN))],
  ["the README example version", version(() => undefined)],
  ["the README example image definition", image(() => undefined)],
  ["the README example gallery", gallery(() => undefined)],
  [
    "a gallery shared with subscriptions and a tenant",
    gallery(
      (g) =>
        (g.sharingProfile = {
          permissions: "Groups",
          groups: [
            { type: "Subscriptions", ids: [SUB_A, SUB_B] },
            { type: "AADTenants", ids: [TENANT] },
          ],
        }),
    ),
  ],
  [
    "a gallery with permissions Groups and no groups yet",
    gallery((g) => (g.sharingProfile = { permissions: "Groups" })),
  ],
  [
    "a community gallery with all four publisher details",
    gallery((g) => (g.sharingProfile = COMMUNITY_PROFILE)),
  ],
  [
    "sharing groups whose permissions are known only after apply",
    gallery(
      (g) => (g.sharingProfile = { permissions: UNKNOWN, groups: [{ type: "Subscriptions", ids: [SUB_A] }] }),
    ),
  ],
  [
    "an unchanged endOfLifeDate in the past on an existing resource",
    image((i) => (i.endOfLifeDate = "2020-01-01T00:00:00Z"), { endOfLifeDate: "2020-01-01T00:00:00Z" }),
  ],
  [
    "removing a region when allowDeletionOfReplicatedLocations is true",
    version((v) => {
      regions(v).pop();
      v.safetyProfile = { allowDeletionOfReplicatedLocations: true };
    }, checkedVersion),
  ],
  ["respelling a region is not a removal", version((v) => (regions(v)[1].name = "eastus"), checkedVersion)],
  [
    "an access-request region that was granted",
    version(
      (v) => regions(v).push({ name: "australiacentral" }),
      {},
      { ...CTX, accessGrantedRegions: ["Australia Central"] },
    ),
  ],
  [
    "Standard_ZRS in a region with zones",
    version((v) => regions(v).push({ name: "East US 2", storageAccountType: "Standard_ZRS" })),
  ],
  [
    "a VHD with its storage account",
    version(
      (v) =>
        (v.storageProfile = { osDiskImage: { source: { uri: "https://a/b.vhd", storageAccountId: "/sa" } } }),
    ),
  ],
  ["a gallery name with dots and underscores inside", gallery((g) => (g.galleryName = "corp.images_2"))],
  ["the largest version number", version((v) => (v.galleryImageVersionName = "2147483647.0.0"))],
  [
    "unknown values anywhere at preview",
    version((v) => {
      v.galleryImageVersionName = UNKNOWN;
      regions(v)[0].regionalReplicaCount = UNKNOWN;
      regions(v).push({ name: UNKNOWN });
      v.storageProfile.source = UNKNOWN;
    }),
  ],
  [
    "an unknown target region list at preview",
    version((v) => (v.publishingProfile.targetRegions = UNKNOWN), checkedVersion),
  ],
  ["an unknown required argument at preview", image((i) => (i.osType = UNKNOWN))],
  ["an unknown location at preview", version((v) => (v.location = UNKNOWN))],
];
