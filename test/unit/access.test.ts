// Access: the sharing matrix of Azure Compute Gallery as the access helper answers it (verdicts written
// by hand from the documentation's matrix), the default role-assignment name, and the role-assignment
// lifecycle against an in-memory Azure.
import { grantReaches, reachOf } from "../../provider/access/reach";
import { withDefaultAssignmentName } from "../../provider/lifecycle/roleAssignmentRules";
import { implementations, useConnection } from "../../provider/runtime";
import { setEngineLog } from "../../provider/engineLog";
import { FakeGalleryApi } from "./fakeGalleryApi";
import { READER_ID } from "./fakeAccessApi";
import { exampleRoleAssignmentArgs, GALLERY_ID } from "./fixtures";

const G = GALLERY_ID;
const OTHER_G =
  "/subscriptions/sub/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/otherImages";
const DEF = `${G}/images/ubuntu`;
const DEF2 = `${G}/images/debian`;
const V1 = `${DEF}/versions/1.0.0`;
const V2 = `${DEF}/versions/1.1.0`;
const V3 = `${DEF2}/versions/1.0.0`;
const RESOURCES = [G, DEF, DEF2, V1, V2, V3, OTHER_G];

describe("the sharing matrix", () => {
  const rows: [
    grantedOn: string,
    reaches: { galleries: string[]; definitions: string[]; versions: string[] },
  ][] = [
    [
      "a gallery: the gallery, its definitions and versions",
      { galleries: [G], definitions: [DEF, DEF2], versions: [V1, V2, V3] },
    ],
    [
      "an image definition: the definition and its versions, not the gallery",
      { galleries: [], definitions: [DEF], versions: [V1, V2] },
    ],
    ["an image version: that version only", { galleries: [], definitions: [], versions: [V1] }],
  ];
  const scopes = [G, DEF, V1];
  it.each(rows.map(([what, reach], i) => [what, scopes[i]!, reach] as const))(
    "a grant on %s",
    (_what, scope, reach) => {
      expect(reachOf("p1", [{ scope, principalId: "p1" }], RESOURCES)).toEqual(reach);
    },
  );

  it("a grant to someone else reaches nothing", () => {
    expect(reachOf("p2", [{ scope: G, principalId: "p1" }], RESOURCES)).toEqual({
      galleries: [],
      definitions: [],
      versions: [],
    });
  });

  it("a grant to a group reaches its members, and grants add up", () => {
    const grants = [
      { scope: G, principalId: "group-1" },
      { scope: `${OTHER_G}`, principalId: "P1" },
    ];
    expect(reachOf("p1", grants, RESOURCES, { memberOf: ["GROUP-1"] }).galleries).toEqual([G, OTHER_G]);
    expect(reachOf("p1", grants, RESOURCES).galleries).toEqual([OTHER_G]);
  });

  it("ids compare without case; a definition whose name starts like another is not below it", () => {
    expect(grantReaches(DEF.toUpperCase(), V1)).toBe(true);
    expect(grantReaches(`${G}/images/ubu`, DEF)).toBe(false);
    expect(grantReaches(DEF, G)).toBe(false);
    expect(grantReaches("/subscriptions/sub", G)).toBe(false);
  });
});

describe("the default role-assignment name", () => {
  const base = { scope: G, principalId: "5e1f0000-0000-4000-8000-000000000001", roleName: "Reader" };
  const nameOf = (args: Record<string, unknown>) => withDefaultAssignmentName(args).roleAssignmentName;

  it("is a GUID, the same for the same grant whatever the case", () => {
    const name = nameOf(base);
    expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameOf({ ...base, scope: G.toUpperCase(), roleName: "reader" })).toBe(name);
  });

  it("differs when the scope, the principal or the role differs", () => {
    const name = nameOf(base);
    expect(nameOf({ ...base, scope: DEF })).not.toBe(name);
    expect(nameOf({ ...base, principalId: "5e1f0000-0000-4000-8000-000000000002" })).not.toBe(name);
    expect(nameOf({ ...base, roleName: "Contributor" })).not.toBe(name);
  });

  it("is the given one when given, and left out while a part is unknown at preview", () => {
    expect(nameOf({ ...base, roleAssignmentName: "given" })).toBe("given");
    expect(nameOf({ ...base, scope: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })).toBeUndefined();
  });
});

describe("the role-assignment lifecycle", () => {
  const provider = implementations.galleryRoleAssignment;
  let fake: FakeGalleryApi;
  beforeEach(() => {
    fake = new FakeGalleryApi();
    useConnection(fake.connection());
    setEngineLog({ log: async () => undefined });
  });
  afterAll(() => {
    useConnection(undefined);
    setEngineLog(undefined);
  });

  it("a role named Reader is created with Reader's id, and the outputs carry both spellings", async () => {
    const { inputs } = await provider.check!({}, exampleRoleAssignmentArgs());
    const { id, outs } = await provider.create!(inputs);
    expect(id).toBe(
      `${G}/providers/Microsoft.Authorization/roleAssignments/${String(inputs.roleAssignmentName)}`,
    );
    expect(outs).toMatchObject({
      roleName: "Reader",
      roleDefinitionId: `/subscriptions/sub/providers/Microsoft.Authorization/roleDefinitions/${READER_ID}`,
      principalType: "Group",
      type: "Microsoft.Authorization/roleAssignments",
    });
    // Naming the role as the inputs did is no change, though the outputs also carry its id.
    expect((await provider.diff!(id, outs, inputs)).changes).toBe(false);
  });

  it("a refresh keeps the role's name; a deleted assignment reads as gone", async () => {
    const { inputs } = await provider.check!({}, exampleRoleAssignmentArgs());
    const { id, outs } = await provider.create!(inputs);
    const read = await provider.read!(id, outs);
    expect(read.props).toMatchObject({
      roleName: "Reader",
      scope: G,
      roleAssignmentName: inputs.roleAssignmentName,
    });
    await provider.delete!(id, outs);
    expect((await provider.read!(id, outs)).id).toBe("");
  });

  it("an import from the id alone finds the assignment", async () => {
    const { inputs } = await provider.check!({}, exampleRoleAssignmentArgs());
    const { id } = await provider.create!(inputs);
    const read = await provider.read!(id, {});
    expect(read.props).toMatchObject({ principalId: inputs.principalId, roleName: "Reader" });
  });

  it("a role name that names no role fails the create, naming the role", async () => {
    const { inputs } = await provider.check!({}, { ...exampleRoleAssignmentArgs(), roleName: "Raeder" });
    await expect(provider.create!(inputs)).rejects.toThrow(/roleName "Raeder" names no role definition/);
  });

  it("changing the role replaces the assignment, deleting the old one first", async () => {
    const { inputs } = await provider.check!({}, exampleRoleAssignmentArgs());
    const { id, outs } = await provider.create!(inputs);
    const { inputs: news } = await provider.check!(outs, {
      ...exampleRoleAssignmentArgs(),
      roleName: "Contributor",
    });
    const diff = await provider.diff!(id, outs, news);
    expect(diff.replaces).toEqual(expect.arrayContaining(["roleName"]));
    expect(diff.deleteBeforeReplace).toBe(true);
  });
});
