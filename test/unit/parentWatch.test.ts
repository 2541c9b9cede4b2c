// The plugin notices that the engine that started it is gone (its parent pid changes when the
// operating system re-parents an orphan) and stops; a living parent never stops it.
import { watchParent } from "../../provider/plugin/parentWatch";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a changed parent pid calls onGone once", async () => {
  let parent = 4242;
  let calls = 0;
  watchParent(() => calls++, { intervalMs: 5, parentPid: () => parent });
  await tick(30);
  expect(calls).toBe(0);
  parent = 1;
  await tick(30);
  parent = 77;
  await tick(30);
  expect(calls).toBe(1);
});

test("a stopped watch never calls onGone", async () => {
  let parent = 4242;
  let calls = 0;
  const stop = watchParent(() => calls++, { intervalMs: 5, parentPid: () => parent });
  stop();
  parent = 1;
  await tick(30);
  expect(calls).toBe(0);
});
