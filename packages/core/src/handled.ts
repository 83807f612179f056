/**
 * Every failure is also recorded in the state (entry status, lastError), so a caller that does not
 * await an action must not get an unhandled rejection: the action's promises are marked handled.
 */
export const handled =
  <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> => {
    const promise = fn(...args);
    promise.catch(() => undefined);
    return promise;
  };
