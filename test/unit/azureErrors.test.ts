// How Azure's errors are read: a missing resource vs. everything else.
import { describeAzureError, isNotFound } from "../../provider/azure/errors";

const restError = (statusCode: number, code: string, message = "m", target?: string) => ({
  statusCode,
  code,
  message,
  details: { error: { code, message, ...(target ? { target } : {}) } },
});

test.each([
  ["a 404 ResourceNotFound means the resource is absent", restError(404, "ResourceNotFound"), true],
  [
    "a 404 ParentResourceNotFound means the resource is absent",
    restError(404, "ParentResourceNotFound"),
    true,
  ],
  // Treating it as absent would make refresh drop resources that exist.
  [
    "a 404 SubscriptionNotFound is an error, not an absent resource",
    restError(404, "SubscriptionNotFound"),
    false,
  ],
  ["a 409 is not absence", restError(409, "OperationNotAllowed"), false],
])("%s", (_name, error, expected) => {
  expect(isNotFound(error)).toBe(expected);
});

test("a described error names the action, Azure's code, message, target and status", () => {
  const error = describeAzureError(
    restError(
      409,
      "PropertyChangeNotAllowed",
      "Changing property 'osType' is not allowed.",
      "galleryImage.properties.osType",
    ),
    "writing image definition rg/g/i",
  );
  expect(error.message).toBe(
    "writing image definition rg/g/i failed: PropertyChangeNotAllowed: Changing property 'osType' is not allowed. (target: galleryImage.properties.osType) [HTTP 409]",
  );
});

describe("an operation that ended Failed (@azure/core-lro's message, provider/tuning.ts, 5)", () => {
  // core-lro throws a plain Error, no status: "The long-running operation has failed. <code>. <message>".
  const lroError = (message: string) => new Error(message);

  test("its code and message are read out of core-lro's wording", () => {
    const error = describeAzureError(
      lroError("The long-running operation has failed. InternalOperationError. Disk service unavailable."),
      "writing image definition rg/g/i",
    );
    expect(error.message).toBe(
      "writing image definition rg/g/i failed: InternalOperationError: Disk service unavailable.",
    );
    expect([error.code, error.statusCode, error.refused]).toEqual([
      "InternalOperationError",
      undefined,
      false,
    ]);
  });

  test.each([
    [
      "another wording",
      "Long-running operation failed with InternalOperationError: Disk service unavailable.",
    ],
    ["core-lro's wording without Azure's error", "The long-running operation has failed"],
    ["a code that is not one", "The long-running operation has failed. 500. Disk service unavailable."],
  ])("%s is shown whole, without a code, and still not a refusal", (_name, message) => {
    const error = describeAzureError(lroError(message), "writing image definition rg/g/i");
    expect(error.message).toBe(`writing image definition rg/g/i failed: ${message}`);
    expect([error.code, error.statusCode, error.refused]).toEqual([undefined, undefined, false]);
  });

  test("an HTTP error is never read as core-lro's wording", () => {
    const error = describeAzureError(
      { statusCode: 500, message: "The long-running operation has failed. X. y" },
      "reading gallery rg/g",
    );
    expect(error.message).toBe(
      "reading gallery rg/g failed: The long-running operation has failed. X. y [HTTP 500]",
    );
  });
});
