// Role assignments and role definitions through the real @azure/arm-authorization client, and their
// enforcement on further identities through the real @azure/arm-compute client. Expected verdicts come
// from Azure's RBAC documentation and the seed's sharing matrix: a grant on a gallery reaches the gallery,
// its definitions and versions; a grant on a definition reaches the definition and its versions, not the
// gallery; a Reader reads and does not write.
import type { AuthorizationManagementClient } from "@azure/arm-authorization";
import type { ComputeManagementClient } from "@azure/arm-compute";
import type { RunningEmulator } from "../../emulator";
import { AGENT, GROUP, MEMBER } from "./identities";
import { authorizationClient, computeClient, FAST, fetchToken, request, startTestEmulator } from "./client";

const RG = "rg1";
const MI =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/images/managed1";
const READER = "acdd72a7-3385-48ef-bd42-f606fba81ae7";
const CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
// ALICE is a member of GROUP; BOB a service principal on his own.
const ALICE = MEMBER;
const BOB = AGENT;

let emu: RunningEmulator;
let owner: ComputeManagementClient;
let rbac: AuthorizationManagementClient;
let alice: ComputeManagementClient;
let bob: ComputeManagementClient;

const rgId = () => `/subscriptions/${emu.subscriptionId}/resourceGroups/${RG}`;
const galleryId = (g: string) => `${rgId()}/providers/Microsoft.Compute/galleries/${g}`;
const imageId = (g: string, i: string) => `${galleryId(g)}/images/${i}`;
const roleId = (guid: string) =>
  `/subscriptions/${emu.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const imageBody = (sku: string) => ({
  location: "eastus2",
  osType: "Linux" as const,
  osState: "Generalized" as const,
  identifier: { publisher: "pub", offer: "off", sku },
});

/** The error an SDK call fails with: status and ARM's error code and message. */
async function failure(
  call: Promise<unknown>,
): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await call;
  } catch (e) {
    return e as { statusCode?: number; code?: string; message: string };
  }
  throw new Error("the call succeeded");
}

beforeAll(async () => {
  emu = await startTestEmulator({ identities: [ALICE, BOB] });
  owner = computeClient(emu);
  rbac = authorizationClient(emu);
  alice = computeClient(emu, ALICE);
  bob = computeClient(emu, BOB);
  emu.registerSource({ id: MI, location: "eastus2", osDiskSizeGB: 30 });
  for (const g of ["granted", "private"]) {
    await owner.galleries.beginCreateOrUpdateAndWait(RG, g, { location: "eastus2" }, FAST);
    await owner.galleryImages.beginCreateOrUpdateAndWait(RG, g, "ubuntu", imageBody(g), FAST);
    await owner.galleryImages.beginCreateOrUpdateAndWait(RG, g, "debian", imageBody(`${g}-d`), FAST);
    await owner.galleryImageVersions.beginCreateOrUpdateAndWait(
      RG,
      g,
      "ubuntu",
      "1.0.0",
      { location: "eastus2", storageProfile: { source: { id: MI } } },
      FAST,
    );
  }
});
afterAll(() => emu.stop());

describe("role definitions", () => {
  test("the built-in roles are found by name with their well-known ids", async () => {
    const expected: [string, string][] = [
      ["Owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"],
      ["Contributor", CONTRIBUTOR],
      ["Reader", READER],
      ["Compute Gallery Sharing Admin", "1ef6a3be-d0ac-425d-8c01-acb62866290b"],
    ];
    for (const [roleName, guid] of expected) {
      const found = [];
      for await (const d of rbac.roleDefinitions.list(rgId(), { filter: `roleName eq '${roleName}'` }))
        found.push(d);
      expect(found.map((d) => [d.roleName, d.name, d.id, d.roleType])).toEqual([
        [roleName, guid, roleId(guid), "BuiltInRole"],
      ]);
    }
  });

  test("a role definition is read by its GUID and by its full id; an unknown GUID is RoleDefinitionDoesNotExist", async () => {
    const reader = await rbac.roleDefinitions.get(galleryId("granted"), READER);
    expect(reader.roleName).toBe("Reader");
    expect(reader.permissions?.[0]?.actions).toEqual(["*/read"]);
    const byId = await rbac.roleDefinitions.getById(roleId(CONTRIBUTOR));
    expect(byId.permissions?.[0]?.notActions).toContain("Microsoft.Authorization/*/Write");
    const missing = await failure(rbac.roleDefinitions.get(rgId(), "00000000-0000-0000-0000-00000000dead"));
    expect(missing).toMatchObject({ statusCode: 404, code: "RoleDefinitionDoesNotExist" });
  });
});

describe("role assignments", () => {
  const name = "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0001";

  test("create answers 201 with Azure's shape; get, list at the scope and delete follow", async () => {
    const scope = imageId("private", "debian");
    const created = await rbac.roleAssignments.create(scope, name, {
      roleDefinitionId: roleId(READER),
      principalId: BOB.objectId,
      principalType: "ServicePrincipal",
    });
    expect(created).toMatchObject({
      id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      name,
      type: "Microsoft.Authorization/roleAssignments",
      scope,
      roleDefinitionId: roleId(READER),
      principalId: BOB.objectId,
      principalType: "ServicePrincipal",
    });
    expect((await rbac.roleAssignments.get(scope, name)).principalId).toBe(BOB.objectId);
    const atScope = [];
    for await (const a of rbac.roleAssignments.listForScope(scope, { filter: "atScope()" }))
      atScope.push(a.name);
    expect(atScope).toEqual([name]);
    // At the gallery: atScope() leaves out the assignment below it; the plain list includes it.
    const above = [];
    for await (const a of rbac.roleAssignments.listForScope(galleryId("private"), { filter: "atScope()" }))
      above.push(a.name);
    expect(above).toEqual([]);
    const all = [];
    for await (const a of rbac.roleAssignments.listForScope(galleryId("private"))) all.push(a.name);
    expect(all).toEqual([name]);

    const deleted = await rbac.roleAssignments.delete(scope, name);
    expect(deleted.name).toBe(name);
    expect(await failure(rbac.roleAssignments.get(scope, name))).toMatchObject({
      statusCode: 404,
      code: "RoleAssignmentNotFound",
    });
    // Deleting what is gone is not an error.
    const raw = await request(
      emu,
      "DELETE",
      `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`,
      { token: (await fetchToken(emu)).token },
    );
    expect(raw.status).toBe(204);
  });

  test("Azure's refusals: a name that is no GUID, an unknown role, a duplicate grant, a changed grant", async () => {
    const scope = galleryId("private");
    const grant = {
      roleDefinitionId: roleId(READER),
      principalId: BOB.objectId,
      principalType: "ServicePrincipal",
    };
    expect(await failure(rbac.roleAssignments.create(scope, "not-a-guid", grant))).toMatchObject({
      statusCode: 400,
      code: "InvalidRoleAssignmentId",
    });
    expect(
      await failure(
        rbac.roleAssignments.create(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0002", {
          ...grant,
          roleDefinitionId: roleId("00000000-0000-0000-0000-00000000dead"),
        }),
      ),
    ).toMatchObject({ statusCode: 400, code: "RoleDefinitionDoesNotExist" });
    const first = "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0003";
    await rbac.roleAssignments.create(scope, first, grant);
    expect(
      await failure(rbac.roleAssignments.create(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0004", grant)),
    ).toMatchObject({ statusCode: 409, code: "RoleAssignmentExists" });
    expect(
      await failure(
        rbac.roleAssignments.create(scope, first, { ...grant, roleDefinitionId: roleId(CONTRIBUTOR) }),
      ),
    ).toMatchObject({ statusCode: 409, code: "RoleAssignmentUpdateNotPermitted" });
    await rbac.roleAssignments.delete(scope, first);
  });

  test("without principalType an unknown principal is PrincipalNotFound; a known one gets its type", async () => {
    const scope = galleryId("private");
    expect(
      await failure(
        rbac.roleAssignments.create(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0005", {
          roleDefinitionId: roleId(READER),
          principalId: "12345678-0000-4000-8000-000000000000",
        }),
      ),
    ).toMatchObject({ statusCode: 400, code: "PrincipalNotFound" });
    const group = await rbac.roleAssignments.create(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0006", {
      roleDefinitionId: roleId(READER),
      principalId: GROUP,
    });
    expect(group.principalType).toBe("Group");
    await rbac.roleAssignments.delete(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0006");
  });
});

describe("role assignment lists and api-versions", () => {
  test("principalId eq '…' keeps one principal's assignments; an unsupported filter is InvalidFilter", async () => {
    const scope = galleryId("private");
    await rbac.roleAssignments.create(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0007", {
      roleDefinitionId: roleId(READER),
      principalId: BOB.objectId,
      principalType: "ServicePrincipal",
    });
    await rbac.roleAssignments.create(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0008", {
      roleDefinitionId: roleId(READER),
      principalId: GROUP,
      principalType: "Group",
    });
    const names = async (filter: string) => {
      const found: string[] = [];
      for await (const a of rbac.roleAssignments.listForScope(scope, { filter })) found.push(a.principalId!);
      return found;
    };
    expect(await names(`principalId eq '${BOB.objectId}'`)).toEqual([BOB.objectId]);
    expect((await names("atScope()")).sort()).toEqual([BOB.objectId, GROUP].sort());
    expect(await failure(names("roleName eq 'Reader'"))).toMatchObject({
      statusCode: 400,
      code: "InvalidFilter",
    });
    await rbac.roleAssignments.delete(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0007");
    await rbac.roleAssignments.delete(scope, "0b5b0c4e-7a43-4c32-9a55-1f0d8f3d0008");
  });

  test("Microsoft.Authorization answers its own api-version only", async () => {
    const token = (await fetchToken(emu)).token;
    const res = await request(
      emu,
      "GET",
      `${galleryId("private")}/providers/Microsoft.Authorization/roleAssignments?api-version=2025-03-03`,
      { token },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "NoRegisteredProviderFound" } });
    expect((res.body as { error: { message: string } }).error.message).toContain("2022-04-01");
  });
});

describe("enforcement on further identities", () => {
  test("with no role anywhere, a read is 403 AuthorizationFailed naming the client, object id, action and scope", async () => {
    const e = await failure(alice.galleries.get(RG, "granted"));
    expect(e.statusCode).toBe(403);
    expect(e.code).toBe("AuthorizationFailed");
    expect(e.message).toBe(
      `The client '${ALICE.clientId}' with object id '${ALICE.objectId}' does not have authorization to perform ` +
        `action 'Microsoft.Compute/galleries/read' over scope '${galleryId("granted")}' or the scope is invalid. ` +
        "If access was recently granted, please refresh your credentials.",
    );
  });

  test("the primary identity stays the owner of everything", async () => {
    expect((await owner.galleries.get(RG, "private")).name).toBe("private");
  });

  describe("Reader on a gallery for a group, Reader on a definition for a service principal", () => {
    const galleryGrant = "1c0ffee0-0000-4000-8000-000000000001";
    const definitionGrant = "1c0ffee0-0000-4000-8000-000000000002";
    beforeAll(async () => {
      await rbac.roleAssignments.create(galleryId("granted"), galleryGrant, {
        roleDefinitionId: roleId(READER),
        principalId: GROUP,
        principalType: "Group",
      });
      await rbac.roleAssignments.create(imageId("granted", "ubuntu"), definitionGrant, {
        roleDefinitionId: roleId(READER),
        principalId: BOB.objectId,
        principalType: "ServicePrincipal",
      });
    });

    test("a group member reads the gallery, its definitions and versions", async () => {
      expect((await alice.galleries.get(RG, "granted")).name).toBe("granted");
      expect((await alice.galleryImages.get(RG, "granted", "debian")).name).toBe("debian");
      const images = [];
      for await (const i of alice.galleryImages.listByGallery(RG, "granted")) images.push(i.name);
      expect(images.sort()).toEqual(["debian", "ubuntu"]);
      expect((await alice.galleryImageVersions.get(RG, "granted", "ubuntu", "1.0.0")).name).toBe("1.0.0");
    });

    test("the list of galleries shows the member the granted gallery only", async () => {
      const names = [];
      for await (const g of alice.galleries.listByResourceGroup(RG)) names.push(g.name);
      expect(names).toEqual(["granted"]);
    });

    test("a Reader may not write: creating a definition in the gallery is refused with the write action", async () => {
      const e = await failure(
        alice.galleryImages.beginCreateOrUpdateAndWait(RG, "granted", "new", imageBody("new"), FAST),
      );
      expect(e).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
      expect(e.message).toContain("'Microsoft.Compute/galleries/images/write'");
      expect(
        await failure(alice.galleryImageVersions.beginDeleteAndWait(RG, "granted", "ubuntu", "1.0.0", FAST)),
      ).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    });

    test("a definition grant reaches the definition and its versions, not the gallery nor its other definitions", async () => {
      expect((await bob.galleryImages.get(RG, "granted", "ubuntu")).name).toBe("ubuntu");
      expect((await bob.galleryImageVersions.get(RG, "granted", "ubuntu", "1.0.0")).name).toBe("1.0.0");
      const versions = [];
      for await (const v of bob.galleryImageVersions.listByGalleryImage(RG, "granted", "ubuntu"))
        versions.push(v.name);
      expect(versions).toEqual(["1.0.0"]);
      const gallery = await failure(bob.galleries.get(RG, "granted"));
      expect(gallery).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
      expect(gallery.message).toContain(`over scope '${galleryId("granted")}'`);
      expect(await failure(bob.galleryImages.get(RG, "granted", "debian"))).toMatchObject({
        statusCode: 403,
      });
      const listed = [];
      for await (const g of bob.galleries.list()) listed.push(g.name);
      expect(listed).toEqual([]);
    });

    test("a Reader may not grant access: creating a role assignment needs Microsoft.Authorization/roleAssignments/write", async () => {
      const e = await failure(
        authorizationClient(emu, ALICE).roleAssignments.create(
          galleryId("granted"),
          "1c0ffee0-0000-4000-8000-000000000009",
          {
            roleDefinitionId: roleId(READER),
            principalId: BOB.objectId,
            principalType: "ServicePrincipal",
          },
        ),
      );
      expect(e).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
      expect(e.message).toContain("'Microsoft.Authorization/roleAssignments/write'");
    });

    test("a Contributor on a definition writes versions there (and polls their operations), not elsewhere", async () => {
      const grant = "1c0ffee0-0000-4000-8000-000000000003";
      await rbac.roleAssignments.create(imageId("granted", "debian"), grant, {
        roleDefinitionId: roleId(CONTRIBUTOR),
        principalId: BOB.objectId,
        principalType: "ServicePrincipal",
      });
      const v = await bob.galleryImageVersions.beginCreateOrUpdateAndWait(
        RG,
        "granted",
        "debian",
        "2.0.0",
        { location: "eastus2", storageProfile: { source: { id: MI } } },
        FAST,
      );
      expect(v.provisioningState).toBe("Succeeded");
      expect(
        await failure(bob.galleries.beginCreateOrUpdateAndWait(RG, "granted", { location: "eastus2" }, FAST)),
      ).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
      await rbac.roleAssignments.delete(imageId("granted", "debian"), grant);
    });

    test("removing the grant takes the access away", async () => {
      await rbac.roleAssignments.delete(galleryId("granted"), galleryGrant);
      expect(await failure(alice.galleries.get(RG, "granted"))).toMatchObject({
        statusCode: 403,
        code: "AuthorizationFailed",
      });
      const names = [];
      for await (const g of alice.galleries.listByResourceGroup(RG)) names.push(g.name);
      expect(names).toEqual([]);
    });
  });

  test("a grant on the resource group reaches the galleries in it, and the subscription's list shows them", async () => {
    const grant = "1c0ffee0-0000-4000-8000-000000000010";
    await rbac.roleAssignments.create(rgId(), grant, {
      roleDefinitionId: roleId(READER),
      principalId: BOB.objectId,
      principalType: "ServicePrincipal",
    });
    expect((await bob.galleries.get(RG, "private")).name).toBe("private");
    expect((await bob.galleryImageVersions.get(RG, "private", "ubuntu", "1.0.0")).name).toBe("1.0.0");
    const listed = [];
    for await (const g of bob.galleries.list()) listed.push(g.name);
    expect(listed.sort()).toEqual(["granted", "private"]);
    await rbac.roleAssignments.delete(rgId(), grant);
    expect(await failure(bob.galleries.get(RG, "private"))).toMatchObject({ statusCode: 403 });
  });

  test("sharing a gallery needs Microsoft.Compute/galleries/share/action: a Contributor is refused, a Compute Gallery Sharing Admin may", async () => {
    const contributor = "1c0ffee0-0000-4000-8000-000000000020";
    await rbac.roleAssignments.create(galleryId("private"), contributor, {
      roleDefinitionId: roleId(CONTRIBUTOR),
      principalId: BOB.objectId,
      principalType: "ServicePrincipal",
    });
    const refused = await failure(
      bob.gallerySharingProfile.beginUpdateAndWait(RG, "private", { operationType: "Reset" }, FAST),
    );
    expect(refused).toMatchObject({ statusCode: 403, code: "AuthorizationFailed" });
    expect(refused.message).toContain("'Microsoft.Compute/galleries/share/action'");
    const admin = "1c0ffee0-0000-4000-8000-000000000021";
    await rbac.roleAssignments.create(galleryId("private"), admin, {
      roleDefinitionId: roleId("1ef6a3be-d0ac-425d-8c01-acb62866290b"),
      principalId: BOB.objectId,
      principalType: "ServicePrincipal",
    });
    const shared = await bob.gallerySharingProfile.beginUpdateAndWait(
      RG,
      "private",
      { operationType: "Reset" },
      FAST,
    );
    expect(shared.operationType).toBe("Reset");
    await rbac.roleAssignments.delete(galleryId("private"), contributor);
    await rbac.roleAssignments.delete(galleryId("private"), admin);
  });

  test("the emulator's admin API is the primary identity's alone", async () => {
    const token = (await fetchToken(emu, BOB.clientSecret, BOB.clientId)).token;
    const res = await request(emu, "GET", "/admin/sources", { token });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: "AuthorizationFailed" } });
  });

  test("a further identity signs in with its own secret only", async () => {
    await expect(fetchToken(emu, ALICE.clientSecret, BOB.clientId)).rejects.toThrow(/invalid_client/);
  });
});
