// Further client identities of the emulator for access tests: a member of a group, and a service
// principal on its own. Development values, not anybody's secrets.
export const GROUP = "6f1e3b0c-1111-4a5e-9c7d-00000000000a";

export const MEMBER = {
  clientId: "a11ce000-0000-4000-8000-000000000001",
  clientSecret: "member-dev-secret",
  objectId: "a11ce000-0000-4000-8000-0000000000aa",
  groupIds: [GROUP],
};

export const AGENT = {
  clientId: "b0b00000-0000-4000-8000-000000000002",
  clientSecret: "agent-dev-secret",
  objectId: "b0b00000-0000-4000-8000-0000000000bb",
};
