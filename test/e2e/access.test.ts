// Access with the real engine: a program grants a group Reader on a gallery and a service principal
// Reader on one image definition; two further identities of the emulator (a member of the group, and
// the service principal) then read what Azure Compute Gallery's sharing matrix allows and are refused
// the rest with Azure's 403 AuthorizationFailed; removing the grant takes the access away.
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import * as acg from "../../provider";
import { startEmulator } from "../../emulator";
import { computeClient, FAST } from "../emulator/client";
import { AGENT, GROUP, MEMBER } from "../emulator/identities";
import { E2EStack, requirePulumiCli } from "./harness";

jest.setTimeout(600_000);

const RG = "rg-access-e2e";
const SUB = "00000000-0000-0000-0000-000000000001";
const IMAGES = `/subscriptions/${SUB}/resourceGroups/rg-builds/providers/Microsoft.Compute/images`;
const GALLERY_ID = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Compute/galleries/sharedGallery`;
interface Grants {
  group: boolean;
  agent: boolean;
  /** A grant on the image version, allowed or not. */
  onVersion?: { allow: boolean };
}

function program(grants: Grants) {
  return async () => {
    const gallery = new acg.Gallery("gallery", {
      resourceGroupName: RG,
      galleryName: "sharedGallery",
      location: "westeurope",
    });
    const definition = (name: string) =>
      new acg.GalleryImage(name, {
        resourceGroupName: RG,
        galleryName: gallery.galleryName,
        galleryImageName: name,
        location: "westeurope",
        osType: "Linux",
        osState: "Generalized",
        hyperVGeneration: "V2",
        identifier: { publisher: "Contoso", offer: "Access", sku: name },
      });
    const app = definition("app-linux");
    const tools = definition("tools");
    const version = new acg.GalleryImageVersion("tools-1", {
      resourceGroupName: RG,
      galleryName: gallery.galleryName,
      galleryImageName: tools.galleryImageName,
      galleryImageVersionName: "1.0.0",
      location: "westeurope",
      storageProfile: { source: { id: `${IMAGES}/base-1` } },
      publishingProfile: { targetRegions: [{ name: "westeurope" }] },
    });
    void app;
    const agentReader = (name: string, scope: pulumi.Input<string>, role: object) =>
      new acg.GalleryRoleAssignment(name, {
        scope,
        principalId: AGENT.objectId,
        principalType: "ServicePrincipal",
        ...role,
      });
    if (grants.group) {
      new acg.GalleryRoleAssignment("group-reads-gallery", {
        scope: gallery.id,
        principalId: GROUP,
        principalType: "Group",
        roleName: "Reader",
      });
    }
    if (grants.agent) agentReader("agent-reads-tools", tools.id, { roleName: "Reader" });
    if (grants.onVersion) {
      agentReader("agent-reads-version", version.id, {
        roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
        allowImageVersionScope: grants.onVersion.allow,
      });
    }
  };
}

/** What a call answers: "ok", or the HTTP status and Azure's error code. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (e) {
    const error = e as { statusCode?: number; code?: string };
    return `${error.statusCode} ${error.code}`;
  }
}

let stack: E2EStack;

/** Runs `fn` with the two further identities' arm-compute clients, against the project's emulator state. */
async function asOthers<T>(
  fn: (clients: {
    member: ReturnType<typeof computeClient>;
    agent: ReturnType<typeof computeClient>;
  }) => Promise<T>,
): Promise<T> {
  const emu = await startEmulator({ port: 0, stateDir: stack.stateDir, identities: [MEMBER, AGENT] });
  try {
    return await fn({ member: computeClient(emu, MEMBER), agent: computeClient(emu, AGENT) });
  } finally {
    await emu.stop();
  }
}

beforeAll(async () => {
  requirePulumiCli();
  stack = await E2EStack.create("acg-access", program({ group: true, agent: true }), {
    "compute-gallery:emulatorSeedFile": path.join(__dirname, "seed.json"),
    "compute-gallery:replicationSpeed": "1000",
  });
  const { result } = await stack.up();
  expect(result.summary.result).toBe("succeeded");
});

afterAll(async () => {
  await stack?.dispose();
});

test("a group member reads the gallery, its definitions and versions", async () => {
  const reads = await asOthers(async ({ member }) => ({
    gallery: await outcome(member.galleries.get(RG, "sharedGallery")),
    app: await outcome(member.galleryImages.get(RG, "sharedGallery", "app-linux")),
    version: await outcome(member.galleryImageVersions.get(RG, "sharedGallery", "tools", "1.0.0")),
    write: await outcome(
      member.galleries.beginCreateOrUpdateAndWait(RG, "sharedGallery", { location: "westeurope" }, FAST),
    ),
  }));
  expect(reads).toEqual({ gallery: "ok", app: "ok", version: "ok", write: "403 AuthorizationFailed" });
});

test("the service principal reads its definition and its versions, not the gallery nor the other definition", async () => {
  const reads = await asOthers(async ({ agent }) => {
    const listed: string[] = [];
    for await (const g of agent.galleries.listByResourceGroup(RG)) listed.push(g.name!);
    return {
      tools: await outcome(agent.galleryImages.get(RG, "sharedGallery", "tools")),
      version: await outcome(agent.galleryImageVersions.get(RG, "sharedGallery", "tools", "1.0.0")),
      gallery: await outcome(agent.galleries.get(RG, "sharedGallery")),
      app: await outcome(agent.galleryImages.get(RG, "sharedGallery", "app-linux")),
      listed,
    };
  });
  expect(reads).toEqual({
    tools: "ok",
    version: "ok",
    gallery: "403 AuthorizationFailed",
    app: "403 AuthorizationFailed",
    listed: [],
  });
});

test("a grant on the image version is refused at preview, naming the reason, unless allowed", async () => {
  stack.setProgram(program({ group: true, agent: true, onVersion: { allow: false } }));
  const refused = await stack.preview();
  expect(refused.failed).toBe(true);
  expect(refused.errors.join("\n")).toContain("sharing at gallery level is recommended");
  stack.setProgram(program({ group: true, agent: true, onVersion: { allow: true } }));
  const allowed = await stack.preview();
  expect(allowed.failed).toBe(false);
  expect(allowed.ops["agent-reads-version"]).toEqual(["create"]);
  stack.setProgram(program({ group: true, agent: true }));
});

test("removing the group's grant deletes it, and the member is refused from then on", async () => {
  stack.setProgram(program({ group: false, agent: true }));
  const preview = await stack.preview();
  expect(preview.ops["group-reads-gallery"]).toEqual(["delete"]);
  const { result } = await stack.up();
  expect(result.summary.resourceChanges).toMatchObject({ delete: 1 });
  const after = await asOthers(async ({ member }) => ({
    gallery: await outcome(member.galleries.get(RG, "sharedGallery")),
    version: await outcome(member.galleryImageVersions.get(RG, "sharedGallery", "tools", "1.0.0")),
  }));
  expect(after).toEqual({ gallery: "403 AuthorizationFailed", version: "403 AuthorizationFailed" });
});

test("a refresh finds the remaining grant unchanged, and the id names the gallery's definition", async () => {
  const refreshed = await stack.refresh();
  expect(refreshed.summary.resourceChanges).not.toHaveProperty("update");
  const outputs = (await stack.stack.exportStack()).deployment.resources.find((r: { urn: string }) =>
    r.urn.endsWith("agent-reads-tools"),
  )?.outputs;
  expect(outputs?.scope).toBe(`${GALLERY_ID}/images/tools`);
  expect(outputs?.roleName).toBe("Reader");
});
