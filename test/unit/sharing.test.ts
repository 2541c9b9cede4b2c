// A gallery's sharing profile and soft delete, by hand from Azure's documentation: the gallery PUT
// ignores sharingProfile.groups (readOnly in the 2024-03-03 spec), so subscriptions and tenants are
// added and removed by the share action (Add, Remove), Reset makes a shared gallery private and
// EnableCommunity shows it to everyone; the diff calls every such change an update and names each
// group added or removed. A version deleted from a gallery with soft delete on stays restorable for 7
// days ("Soft Delete in Azure Compute Gallery").
import { providers } from "../../provider/index";
import { useConnection } from "../../provider/runtime";
import { setEngineLog, type Severity } from "../../provider/engineLog";
import { diffGallery } from "../../provider/lifecycle/diff";
import { describeSharingPlan, sharingPlan } from "../../provider/lifecycle/sharingPlan";
import { FakeGalleryApi } from "./fakeGalleryApi";
import { COMMUNITY_INFO, SUBSCRIPTION_A, SUBSCRIPTION_B, SUBSCRIPTION_C, TENANT } from "../sharingIds";
import { edited, exampleGalleryArgs, exampleImageArgs, exampleVersionArgs } from "./fixtures";

const { A, B, C, T } = { A: SUBSCRIPTION_A, B: SUBSCRIPTION_B, C: SUBSCRIPTION_C, T: TENANT };
const INFO = COMMUNITY_INFO;

const gallery = (sharingProfile?: object): Record<string, any> => ({
  ...exampleGalleryArgs(),
  ...(sharingProfile ? { sharingProfile } : {}),
});
const groups = (subscriptions: string[], tenants: string[] = []) => ({
  permissions: "Groups",
  groups: [
    ...(subscriptions.length ? [{ type: "Subscriptions", ids: subscriptions }] : []),
    ...(tenants.length ? [{ type: "AADTenants", ids: tenants }] : []),
  ],
});
const community = (enabled?: boolean) => ({
  permissions: "Community",
  communityGalleryInfo: { ...INFO, ...(enabled === undefined ? {} : { communityGalleryEnabled: enabled }) },
});

describe("the diff of a sharing profile", () => {
  const rows: [string, object | undefined, object | undefined, { path: string; kind: string }[]][] = [
    [
      "sharing with one more subscription is an update naming that subscription",
      groups([A]),
      groups([A, B]),
      [{ path: "sharingProfile.groups[0].ids[1]", kind: "add" }],
    ],
    [
      "no longer sharing with a subscription is an update naming it where it was",
      groups([A, B]),
      groups([B]),
      [{ path: "sharingProfile.groups[0].ids[0]", kind: "delete" }],
    ],
    [
      "sharing with a first tenant adds the tenant group",
      groups([A]),
      groups([A], [T]),
      [{ path: "sharingProfile.groups[1]", kind: "add" }],
    ],
    [
      "a tenant removed from a moved group is named at its old place",
      groups([A], [T, C]),
      { permissions: "Groups", groups: [{ type: "AADTenants", ids: [T] }] },
      [
        { path: "sharingProfile.groups[0]", kind: "delete" },
        { path: "sharingProfile.groups[1].ids[1]", kind: "delete" },
      ],
    ],
    [
      "making a shared gallery private is an update, not a replacement",
      groups([A]),
      undefined,
      [
        { path: "sharingProfile.groups[0]", kind: "delete" },
        { path: "sharingProfile.permissions", kind: "delete" },
      ],
    ],
    ["ids in another order are no change", groups([A, B]), groups([B, A]), []],
    ["an id in capitals is the same GUID: no change", groups([A]), groups([A.toUpperCase()]), []],
  ];
  it.each(rows)("%s", (_name, before, after, details) => {
    const outcome = diffGallery(gallery(before), gallery(after));
    expect(outcome.replaces).toEqual([]);
    expect(outcome.changes).toBe(details.length > 0);
    expect(
      outcome.details.map(({ path, kind }) => ({ path, kind })).sort((x, y) => (x.path < y.path ? -1 : 1)),
    ).toEqual(details);
  });
});

describe("the share actions a change needs", () => {
  const rows: [string, Record<string, any>, Record<string, any>, object][] = [
    [
      "sharing a private gallery with subscriptions and a tenant: the PUT sets Groups, then Add",
      {},
      gallery(groups([A, B], [T])),
      {
        resetFirst: false,
        permissions: "Groups",
        after: [
          {
            operationType: "Add",
            groups: [
              { type: "Subscriptions", ids: [A, B] },
              { type: "AADTenants", ids: [T] },
            ],
          },
        ],
      },
    ],
    [
      "swapping one subscription for another: Remove the old, then Add the new",
      gallery(groups([A, B])),
      gallery(groups([B, C])),
      {
        resetFirst: false,
        permissions: "Groups",
        after: [
          { operationType: "Remove", groups: [{ type: "Subscriptions", ids: [A] }] },
          { operationType: "Add", groups: [{ type: "Subscriptions", ids: [C] }] },
        ],
      },
    ],
    [
      "making a gallery shared with groups private: Reset, before the PUT",
      gallery(groups([A])),
      gallery(),
      { resetFirst: true, permissions: "Private", after: [] },
    ],
    [
      "from groups to the community: Reset, the PUT sets Community, then EnableCommunity",
      gallery(groups([A])),
      gallery(community()),
      { resetFirst: true, permissions: "Community", after: [{ operationType: "EnableCommunity" }] },
    ],
    [
      "from the community to a subscription: Reset, then Add",
      gallery(community(true)),
      gallery(groups([A])),
      {
        resetFirst: true,
        permissions: "Groups",
        after: [{ operationType: "Add", groups: [{ type: "Subscriptions", ids: [A] }] }],
      },
    ],
    [
      "a gallery set to Community but not yet shown to the community gets EnableCommunity",
      gallery(community(false)),
      gallery(community()),
      { resetFirst: false, permissions: "Community", after: [{ operationType: "EnableCommunity" }] },
    ],
    [
      "a community gallery that stays one needs no share action",
      gallery(community(true)),
      gallery(community()),
      { resetFirst: false, permissions: "Community", after: [] },
    ],
    [
      "the same subscriptions in capitals need no share action",
      gallery(groups([A])),
      gallery(groups([A.toUpperCase()])),
      { resetFirst: false, permissions: "Groups", after: [] },
    ],
  ];
  it.each(rows)("%s", (_name, olds, news, plan) => {
    expect(sharingPlan(olds, news)).toEqual(plan);
  });

  it("are told in words, naming each subscription and tenant", () => {
    expect(describeSharingPlan(sharingPlan(gallery(groups([A, B], [T])), gallery(groups([B, C]))))).toBe(
      `Remove (stop sharing with subscription ${A} and tenant ${T}), then Add (share with subscription ${C})`,
    );
    expect(describeSharingPlan(sharingPlan(gallery(groups([A])), gallery(community())))).toBe(
      "Reset (make the gallery private), then EnableCommunity (share with the community)",
    );
  });
});

/** The in-memory Azure behind the provider, and what the provider logged, fresh for each test. */
let fake: FakeGalleryApi;
let logged: { severity: Severity; message: string }[];
beforeEach(() => {
  fake = new FakeGalleryApi();
  logged = [];
  useConnection(fake.connection(), { kind: "local", stateDir: "/nonexistent", accessGrantedRegions: [] });
  setEngineLog({ log: async (severity, message) => void logged.push({ severity, message }) });
});
afterAll(() => {
  useConnection(undefined);
  setEngineLog(undefined);
});

describe("the provider applies sharing through the share action", () => {
  async function create(args: Record<string, any>) {
    const { inputs, failures } = await providers.gallery.check!({}, args);
    expect(failures).toEqual([]);
    return { inputs: inputs!, outs: (await providers.gallery.create!(inputs!)).outs! };
  }

  it("creating a shared gallery PUTs it without groups, then shares it with Add", async () => {
    await create(gallery(groups([A], [T])));
    expect(fake.calls.map((c) => c.method)).toEqual([
      "getGallery",
      "putGallery",
      "shareGallery",
      "getGallery",
    ]);
    expect(fake.calls[1]!.body!.sharingProfile).toEqual({ permissions: "Groups" });
    expect(fake.calls[2]!.body).toEqual({
      operationType: "Add",
      groups: [
        { type: "Subscriptions", ids: [A] },
        { type: "AADTenants", ids: [T] },
      ],
    });
  });

  it("a change of groups alone is no PUT: Remove and Add only, and the preview names them as an update", async () => {
    const { outs } = await create(gallery(groups([A, B])));
    const { inputs: news } = await providers.gallery.check!(outs, gallery(groups([B, C])));
    const diff = await providers.gallery.diff!("id", outs, news!);
    expect(diff.changes).toBe(true);
    expect(diff.replaces).toEqual([]);
    expect(logged.map((l) => l.message)).toEqual([
      `gallery rg-images/corpImages: sharing changes in place through Azure's share action: ` +
        `Remove (stop sharing with subscription ${A}), then Add (share with subscription ${C})`,
    ]);
    fake.calls.length = 0;
    const { outs: after } = await providers.gallery.update!("id", outs, news!);
    expect(fake.calls.map((c) => [c.method, (c.body as any)?.operationType])).toEqual([
      ["shareGallery", "Remove"],
      ["shareGallery", "Add"],
      ["getGallery", undefined],
    ]);
    expect(after!.sharingProfile.groups).toEqual([{ type: "Subscriptions", ids: [B, C] }]);
  });

  it("making the gallery private resets it and PUTs nothing", async () => {
    const { outs } = await create(gallery(groups([A])));
    const { inputs: news } = await providers.gallery.check!(outs, gallery());
    fake.calls.length = 0;
    await providers.gallery.update!("id", outs, news!);
    expect(fake.calls.map((c) => [c.method, (c.body as any)?.operationType])).toEqual([
      ["shareGallery", "Reset"],
      ["getGallery", undefined],
    ]);
  });

  it("a description change of a shared gallery PUTs it without groups and calls no share action", async () => {
    const { outs } = await create(gallery(groups([A])));
    const { inputs: news } = await providers.gallery.check!(outs, {
      ...gallery(groups([A])),
      description: "new",
    });
    fake.calls.length = 0;
    await providers.gallery.update!("id", outs, news!);
    expect(fake.calls.map((c) => c.method)).toEqual(["putGallery"]);
    expect(fake.calls[0]!.body!.sharingProfile).toEqual({ permissions: "Groups" });
  });
});

describe("soft delete of image versions", () => {
  const ref = { resourceGroupName: "rg-images", galleryName: "corpImages" };

  async function version() {
    const { inputs } = await providers.galleryImageVersion.check!({}, exampleVersionArgs());
    return inputs!;
  }

  it.each([
    [true, 1],
    [false, 0],
  ])(
    "a preview replacing a version says it stays restorable for 7 days exactly when soft delete is %s",
    async (on, count) => {
      fake.seed(ref, { location: "westeurope", softDeletePolicy: { isSoftDeleteEnabled: on } });
      const olds = await version();
      const news = edited(
        olds,
        (v) => (v.publishingProfile.targetRegions[0].storageAccountType = "Premium_LRS"),
      );
      const diff = await providers.galleryImageVersion.diff!("id", olds, news);
      expect(diff.replaces!.length).toBeGreaterThan(0);
      const notes = logged.filter((l) => l.message.includes("restorable for 7 days"));
      expect(notes).toHaveLength(count);
      if (on) expect(notes[0]!.message).toContain("restore: true");
    },
  );

  it("deleting a version of a gallery with soft delete on says until when it can be restored", async () => {
    fake.seed(ref, { location: "westeurope", softDeletePolicy: { isSoftDeleteEnabled: true } });
    await providers.galleryImageVersion.delete!("id", await version());
    const info = logged.filter((l) => l.severity === "info").map((l) => l.message);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatch(/was soft-deleted .* can be restored until about \d{4}-\d\d-\d\dT/);
  });

  it("deleting three versions of one gallery reads its soft-delete policy once, and each says it is restorable", async () => {
    fake.seed(ref, { location: "westeurope", softDeletePolicy: { isSoftDeleteEnabled: true } });
    const base = await version();
    for (const name of ["1.0.0", "1.0.1", "1.0.2"])
      await providers.galleryImageVersion.delete!("id", { ...base, galleryImageVersionName: name });
    expect(fake.calls.filter((c) => c.method === "getGallery")).toHaveLength(1);
    expect(logged.filter((l) => /can be restored until/.test(l.message))).toHaveLength(3);
  });

  it("after the provider writes the gallery, the next version delete reads its policy again", async () => {
    fake.seed(ref, { location: "westeurope", softDeletePolicy: { isSoftDeleteEnabled: true } });
    await providers.galleryImageVersion.delete!("id", await version());
    const policy = async (on: boolean) =>
      (
        await providers.gallery.check!(
          {},
          { ...exampleGalleryArgs(), softDeletePolicy: { isSoftDeleteEnabled: on } },
        )
      ).inputs!;
    await providers.gallery.update!("id", await policy(true), await policy(false));
    expect(fake.calls.some((c) => c.method === "putGallery")).toBe(true);
    logged.length = 0;
    await providers.galleryImageVersion.delete!("id", await version());
    expect(logged.filter((l) => /restor/.test(l.message))).toEqual([]);
  });

  it("deleting a version of a gallery without soft delete says nothing about restoring", async () => {
    fake.seed(ref, { location: "westeurope" });
    await providers.galleryImageVersion.delete!("id", await version());
    expect(logged.filter((l) => /restor/.test(l.message))).toEqual([]);
  });

  it("the image definition fixture is unaffected (a definition has no soft delete note)", async () => {
    fake.seed(ref, { location: "westeurope", softDeletePolicy: { isSoftDeleteEnabled: true } });
    const { inputs } = await providers.galleryImage.check!({}, exampleImageArgs());
    await providers.galleryImage.delete!("id", inputs!);
    expect(logged).toEqual([]);
  });
});
