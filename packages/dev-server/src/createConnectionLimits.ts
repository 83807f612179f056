/**
 * Counts open sockets in total and per user, for `maxConnections` and `maxConnectionsPerUser`: one
 * participant opening sockets in a loop cannot exhaust the server's memory or file descriptors.
 */
export function createConnectionLimits(limits: {
  maxConnections: number;
  maxConnectionsPerUser: number;
}) {
  const perUser = new Map<string, number>();
  let total = 0;
  return {
    /** Counts one more socket of `userId`, or returns why it is refused (nothing counted then). */
    admit(userId: string): string | undefined {
      const mine = perUser.get(userId) ?? 0;
      if (mine >= limits.maxConnectionsPerUser)
        return `You already have ${mine} connections open; close one (another tab?) first.`;
      if (total >= limits.maxConnections)
        return `The server has ${total} connections open, its limit; try again later.`;
      perUser.set(userId, mine + 1);
      total += 1;
      return undefined;
    },
    /** Forgets one socket that `admit` counted. */
    release(userId: string): void {
      const left = (perUser.get(userId) ?? 1) - 1;
      if (left > 0) perUser.set(userId, left);
      else perUser.delete(userId);
      total = Math.max(0, total - 1);
    },
  };
}
