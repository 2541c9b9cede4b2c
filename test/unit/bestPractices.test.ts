// Azure's best practices for Compute Gallery as advice (provider/advice/bestPractices.ts): the
// compute-gallery:intent key, the per-version preview warnings and the program-wide advice of the
// review report. Expectations from Microsoft, "Store and share images in Azure Compute Gallery",
// Best practices (learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#best-practices):
// "a minimum of three replicas for production images"; "Use ZRS wherever it's available"; "separate
// galleries for production and test images"; "at least two galleries in separate regions"; "resource
// locks at the gallery level". Regions with zones from Azure's list of regions with zone-redundant
// storage: West Europe has them, West US has none.
import { readSettings } from "../../provider/azure/settings";
import { productionWarnings } from "../../provider/advice/productionAdvice";
import { parseIntent } from "../../provider/advice/intentConfig";
import { review } from "../../provider/review/command";
import { UNKNOWN } from "../../provider/model/unknown";

const settingsWith = (intent: string) =>
  readSettings({ get: (key) => (key === "compute-gallery:intent" ? intent : undefined) }, {}, "/tmp");

describe("compute-gallery:intent", () => {
  it("is read into the settings, names compared without regard to case", () => {
    expect(
      settingsWith('{"production": ["CorpImages", "shared/App-Linux"], "test": ["dev"]}').intent,
    ).toEqual({
      production: ["corpimages", "shared/app-linux"],
      test: ["dev"],
      locked: [],
    });
    expect(settingsWith('{"production": "*"}').intent?.production).toBe("*");
  });

  it("is absent when not configured, so nothing that depends on intent is said", () => {
    expect(readSettings({ get: () => undefined }, {}, "/tmp").intent).toBeUndefined();
  });

  it.each([
    ["{", /compute-gallery:intent is not valid JSON/],
    [
      '{"prod": ["corpImages"]}',
      /compute-gallery:intent is \{"prod":\["corpImages"\]\}: .*"prod".*allowed: production/,
    ],
    [
      '{"production": "all"}',
      /compute-gallery:intent\.production is "all": .*allowed: production \("\*" or a list\)/,
    ],
    [
      '{"production": ["corp-images"]}',
      /compute-gallery:intent\.production\[0\] is "corp-images": galleryName "corp-images" is not a valid gallery name .*hyphens/,
    ],
    [
      '{"test": ["corpImages/-app"]}',
      /compute-gallery:intent\.test\[0\] is "corpImages\/-app": galleryImageName "-app" is not a valid image definition name/,
    ],
    ['{"test": ["a/b/c"]}', /intent\.test\[0\] is "a\/b\/c": use "gallery" or "gallery\/image definition"/],
    ['{"locked": ["corpImages/app"]}', /intent\.locked\[0\] is "corpImages\/app": use a gallery name/],
    ['{"test": ["*"]}', /intent\.test\[0\] is "\*": galleryName "\*" is not a valid gallery name/],
    [
      '{"production": ["corpImages"], "test": ["CORPIMAGES"]}',
      /intent\.test\[0\] is "CORPIMAGES": production names it too; an entry is one or the other/,
    ],
    ['{"locked": "corpImages"}', /intent\.locked is "corpImages": .*array/],
  ])("%s is refused, naming the property, the value and what is allowed", (text, message) => {
    expect(() => settingsWith(text)).toThrow(message);
  });
});

const label = "image version rg-images/corpImages/app/1.0.0";
const version = (targetRegions: object[], extra: Record<string, unknown> = {}) => ({
  resourceGroupName: "rg-images",
  galleryName: "corpImages",
  galleryImageName: "app",
  galleryImageVersionName: "1.0.0",
  location: "westeurope",
  publishingProfile: { replicaCount: 1, targetRegions, ...extra },
});
const production = parseIntent('{"production": ["corpImages"]}');
const URL = "https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery#best-practices";

describe("preview warnings for a production image version", () => {
  it("names the region and count when a region keeps fewer than three replicas", () => {
    const warnings = productionWarnings(
      label,
      version([{ name: "westus", regionalReplicaCount: 2, storageAccountType: "Standard_LRS" }]),
      production,
    );
    expect(warnings).toEqual([
      `${label}: westus has 2 replica(s) of this production image; Azure's best practice is to keep at least 3 ` +
        `replicas of a production image in each region (${URL})`,
    ]);
  });

  it("counts the profile's replicaCount where a region sets none", () => {
    const warnings = productionWarnings(label, version([{ name: "westus" }]), production);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("westus has 1 replica(s)");
  });

  it("is silent at three replicas in a region without zones", () => {
    expect(
      productionWarnings(label, version([{ name: "westus", regionalReplicaCount: 3 }]), production),
    ).toEqual([]);
  });

  it("advises Standard_ZRS where the region has availability zones and the replicas are Standard_LRS", () => {
    const warnings = productionWarnings(
      label,
      version([{ name: "West Europe", regionalReplicaCount: 3, storageAccountType: "Standard_LRS" }]),
      production,
    );
    expect(warnings).toEqual([
      `${label}: westeurope has availability zones but stores the replicas as Standard_LRS; Azure's best ` +
        `practice is to store replicas as Standard_ZRS in regions with availability zones, for high availability (${URL})`,
    ]);
  });

  it("takes Azure's default storage type, Standard_LRS, where none is given", () => {
    const warnings = productionWarnings(
      label,
      version([{ name: "westeurope", regionalReplicaCount: 3 }]),
      production,
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("as Standard_LRS");
  });

  it.each(["Standard_ZRS", "Premium_LRS", "PremiumV2_LRS"])(
    "says nothing of %s in a region with zones (no zone-redundant premium type exists)",
    (storageAccountType) => {
      const target = { name: "westeurope", regionalReplicaCount: 3, storageAccountType };
      expect(productionWarnings(label, version([target]), production)).toEqual([]);
    },
  );

  it("does not ask shallow replication for more replicas than its one per region", () => {
    const shallow = version([{ name: "westus", regionalReplicaCount: 1 }], { replicationMode: "Shallow" });
    expect(productionWarnings(label, shallow, production)).toEqual([]);
  });

  it("is silent for test images, images intent does not name, and profiles unknown at preview", () => {
    const lean = version([{ name: "westeurope", regionalReplicaCount: 1 }]);
    expect(
      productionWarnings(
        label,
        lean,
        parseIntent('{"production": ["corpImages"], "test": ["corpImages/app"]}'),
      ),
    ).toEqual([]);
    expect(productionWarnings(label, lean, parseIntent('{"production": ["otherImages"]}'))).toEqual([]);
    expect(productionWarnings(label, { ...lean, publishingProfile: UNKNOWN }, production)).toEqual([]);
    expect(productionWarnings(label, { ...lean, galleryName: UNKNOWN }, production)).toEqual([]);
  });

  it('makes every gallery production with "*", and an image entry wins over its gallery', () => {
    const lean = version([{ name: "westus", regionalReplicaCount: 1 }]);
    expect(productionWarnings(label, lean, parseIntent('{"production": "*"}'))).toHaveLength(1);
    expect(
      productionWarnings(
        label,
        lean,
        parseIntent('{"test": ["corpImages"], "production": ["corpImages/app"]}'),
      ),
    ).toHaveLength(1);
  });
});

// A preview as `pulumi preview --json` prints it: steps with the new state's type, inputs and
// property dependencies (the shape of test/fixtures/review/*.preview.json).
const STACK = "urn:pulumi:prod::images::";
const urn = (type: string, name: string) => `${STACK}${type}::${name}`;
const GALLERY = "compute-gallery:index:Gallery";
const IMAGE = "compute-gallery:index:GalleryImage";
const LOCKS = "azure-native:authorization:";

interface Step {
  op: string;
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  propertyDependencies?: Record<string, string[]>;
}

const gallery = (name: string, galleryName: string, location = "westeurope"): Step => ({
  op: "create",
  type: GALLERY,
  name,
  inputs: { resourceGroupName: "rg-images", galleryName, location },
});
const image = (name: string, galleryName: string, galleryImageName: string): Step => ({
  op: "create",
  type: IMAGE,
  name,
  inputs: { resourceGroupName: "rg-images", galleryName, galleryImageName, location: "westeurope" },
});
const lock = (kind: string, inputs: Record<string, unknown>, extra: Partial<Step> = {}): Step => ({
  op: "create",
  type: `${LOCKS}${kind}`,
  name: `lock-${kind}`,
  inputs: { level: "CanNotDelete", ...inputs },
  ...extra,
});

function reviewOf(intent: object | undefined, steps: Step[], inState: Step[] = []): string {
  const preview = {
    config: intent === undefined ? {} : { "compute-gallery:intent": JSON.stringify(intent) },
    steps: steps.map((s) => ({
      op: s.op,
      urn: urn(s.type, s.name),
      newState: {
        urn: urn(s.type, s.name),
        type: s.type,
        inputs: s.inputs,
        ...(s.propertyDependencies ? { propertyDependencies: s.propertyDependencies } : {}),
      },
    })),
  };
  const resources = inState.map((s) => ({
    urn: urn(s.type, s.name),
    type: s.type,
    inputs: s.inputs,
    outputs: {},
  }));
  return review(JSON.stringify(preview), JSON.stringify({ deployment: { resources } })).markdown;
}

const adviceLines = (markdown: string) => markdown.split("\n").filter((line) => line.startsWith("- ⚠️"));
const twoRegions = [gallery("prod", "corpImages"), gallery("dr", "corpImagesDr", "northeurope")];
const bothLocked = { production: ["corpImages", "corpImagesDr"], locked: ["corpImages", "corpImagesDr"] };

describe("program-wide advice in the review report", () => {
  it("says nothing of intent without compute-gallery:intent", () => {
    expect(reviewOf(undefined, [gallery("prod", "corpImages")])).not.toContain("Best practices");
  });

  it("finds production and test images in one gallery", () => {
    const steps = [
      ...twoRegions,
      image("app", "corpImages", "app"),
      image("canary", "corpImages", "app-canary"),
    ];
    const intent = { ...bothLocked, test: ["corpImages/app-canary"] };
    expect(adviceLines(reviewOf(intent, steps))).toEqual([
      "- ⚠️ Gallery rg-images/corpImages holds production images (app) and test images (app-canary); Azure's " +
        "best practice is to keep production and test images in separate galleries.",
    ]);
  });

  it("finds every production gallery in one region, and is content with a second region", () => {
    const one = reviewOf({ production: ["corpImages"], locked: ["corpImages"] }, [
      gallery("prod", "corpImages"),
    ]);
    expect(adviceLines(one)).toEqual([
      "- ⚠️ Every production gallery (rg-images/corpImages) is in westeurope; Azure's best practice is to keep " +
        "at least two galleries in different regions for disaster recovery: while a gallery's region is down, " +
        "its resources can be neither created nor updated.",
    ]);
    const two = reviewOf(bothLocked, twoRegions);
    expect(adviceLines(two)).toEqual([]);
    expect(two).toContain("- Nothing to add.");
  });

  it("finds a production gallery without a lock, and not a test gallery", () => {
    const steps = [...twoRegions, gallery("dev", "devImages")];
    const lines = adviceLines(
      reviewOf(
        { production: ["corpImages", "corpImagesDr"], test: ["devImages"], locked: ["corpImagesDr"] },
        steps,
      ),
    );
    expect(lines).toEqual([
      "- ⚠️ Production gallery rg-images/corpImages has no lock in the program (a CanNotDelete or ReadOnly lock " +
        "on it, its resource group or the subscription) and is not listed in intent.locked; Azure's best " +
        "practice is to put a resource lock on the gallery so that its images cannot be deleted by accident.",
    ]);
  });

  const intent = { production: ["corpImages", "corpImagesDr"], locked: ["corpImagesDr"] };
  const galleryUrn = urn(GALLERY, "prod");
  it.each<[string, Step]>([
    [
      "a lock on the gallery by name",
      lock("ManagementLockAtResourceLevel", {
        resourceGroupName: "rg-images",
        resourceProviderNamespace: "Microsoft.Compute",
        resourceType: "galleries",
        resourceName: "CORPIMAGES",
        parentResourcePath: "",
      }),
    ],
    [
      "a lock on the gallery whose name is known only after apply",
      lock(
        "ManagementLockAtResourceLevel",
        {
          resourceGroupName: "rg-images",
          resourceProviderNamespace: "Microsoft.Compute",
          resourceType: "galleries",
          resourceName: UNKNOWN,
        },
        { propertyDependencies: { resourceName: [galleryUrn] } },
      ),
    ],
    [
      "a lock on its resource group",
      lock("ManagementLockAtResourceGroupLevel", { resourceGroupName: "rg-images" }),
    ],
    ["a lock on the subscription", lock("ManagementLockAtSubscriptionLevel", {})],
    [
      "a lock by scope, the gallery's id",
      lock("ManagementLockByScope", {
        scope:
          "/subscriptions/0000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/corpImages",
        level: "ReadOnly",
      }),
    ],
    [
      "a lock by scope, gallery.id unknown at preview",
      lock("ManagementLockByScope", { scope: UNKNOWN }, { propertyDependencies: { scope: [galleryUrn] } }),
    ],
  ])("counts %s", (_what, lockStep) => {
    expect(adviceLines(reviewOf(intent, [...twoRegions, lockStep]))).toEqual([]);
  });

  it.each<[string, Step]>([
    [
      "a lock of level NotSpecified",
      lock("ManagementLockAtResourceGroupLevel", { resourceGroupName: "rg-images", level: "NotSpecified" }),
    ],
    [
      "a lock on another resource group",
      lock("ManagementLockAtResourceGroupLevel", { resourceGroupName: "rg-other" }),
    ],
    [
      "a lock on an image definition",
      lock("ManagementLockByScope", {
        scope:
          "/subscriptions/0000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/corpImages/images/app",
      }),
    ],
  ])("does not count %s", (_what, lockStep) => {
    expect(adviceLines(reviewOf(intent, [...twoRegions, lockStep]))).toEqual([
      expect.stringContaining("Production gallery rg-images/corpImages has no lock"),
    ]);
  });

  it("counts a lock the state holds, and not once the preview deletes it", () => {
    const held = lock("ManagementLockAtSubscriptionLevel", {});
    expect(adviceLines(reviewOf(intent, twoRegions, [held]))).toEqual([]);
    expect(adviceLines(reviewOf(intent, [...twoRegions, { ...held, op: "delete" }], [held]))).toEqual([
      expect.stringContaining("Production gallery rg-images/corpImages has no lock"),
    ]);
  });

  it("lists a production version's missed practices under the version", () => {
    const v = { ...version([{ name: "westeurope", regionalReplicaCount: 2 }]) };
    const step: Step = {
      op: "create",
      type: "compute-gallery:index:GalleryImageVersion",
      name: "v1",
      inputs: v,
    };
    const markdown = reviewOf({ production: ["corpImages"], locked: ["corpImages"] }, [...twoRegions, step]);
    expect(markdown).toContain(
      "#### `v1`: create\n\n" +
        "- ⚠️ Best practice: westeurope has 2 replica(s) of this production image; Azure's best practice is to keep " +
        "at least 3 replicas of a production image in each region.\n" +
        "- ⚠️ Best practice: westeurope has availability zones but stores the replicas as Standard_LRS; Azure's " +
        "best practice is to store replicas as Standard_ZRS in regions with availability zones, for high availability.\n",
    );
  });

  it("says it judged only the changed resources when no state was given", () => {
    const preview = { config: { "compute-gallery:intent": '{"production": "*"}' }, steps: [] };
    expect(review(JSON.stringify(preview)).markdown).toContain("give `--state` to judge the whole stack");
  });

  it("the HTML page carries the same advice", () => {
    const preview = {
      config: { "compute-gallery:intent": '{"production": ["corpImages"], "locked": ["corpImages"]}' },
      steps: [
        {
          op: "create",
          urn: urn(GALLERY, "prod"),
          newState: { type: GALLERY, inputs: gallery("p", "corpImages").inputs },
        },
      ],
    };
    expect(review(JSON.stringify(preview)).html).toContain(
      "Every production gallery (rg-images/corpImages) is in westeurope",
    );
  });
});
