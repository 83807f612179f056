/** WebSocket close codes the server uses besides 1001 (going away), 1009 (frame over 1 MiB) and 1011. */
export const CLOSE_UNAUTHORIZED = 4401;
/** The socket held more than `maxBufferedBytes` unsent: the client stopped reading or cannot keep up. */
export const CLOSE_TOO_SLOW = 4408;
export const CLOSE_SESSION_ENDED = 4410;
/** Over `maxConnections` or `maxConnectionsPerUser`; an `error` frame `too-many-connections` comes first. */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;
