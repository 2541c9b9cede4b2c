// The engine starts the plugin as its child and, on a normal exit, stops it with a signal. A killed
// engine (SIGKILL, an out-of-memory kill, a cancelled CI job) sends nothing: the plugin, and the
// embedded emulator writing to `.compute-gallery/` inside it, would run on as an orphan. Pulumi has
// no heartbeat for providers, so the plugin watches for itself: when its parent process is gone, the
// operating system gives it a new parent, and its parent pid changes.

export interface ParentWatchOptions {
  /** How often the parent is looked at. */
  intervalMs?: number;
  /** The current parent pid (process.ppid; tests substitute it). */
  parentPid?: () => number;
}

/** Calls `onGone` once when the process's parent changes; returns a function that stops watching. */
export function watchParent(onGone: () => void, options: ParentWatchOptions = {}): () => void {
  const parentPid = options.parentPid ?? (() => process.ppid);
  const original = parentPid();
  const timer = setInterval(() => {
    if (parentPid() === original) return;
    clearInterval(timer);
    onGone();
  }, options.intervalMs ?? 500);
  // Watching never keeps the plugin alive by itself.
  timer.unref();
  return () => clearInterval(timer);
}
