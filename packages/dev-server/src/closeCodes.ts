// WebSocket close codes the server uses besides 1001 (going away), 1009 (frame over 1 MiB) and
// 1011. Defined once, with the protocol, in @natter/core (which the browser client imports too);
// the server's names for them.
export {
  DEV_CLOSE_UNAUTHORIZED as CLOSE_UNAUTHORIZED,
  /** The socket held more than `maxBufferedBytes` unsent: the client stopped reading or cannot keep up. */
  DEV_CLOSE_TOO_SLOW as CLOSE_TOO_SLOW,
  DEV_CLOSE_SESSION_ENDED as CLOSE_SESSION_ENDED,
  /** Over `maxConnections` or `maxConnectionsPerUser`; an `error` frame `too-many-connections` comes first. */
  DEV_CLOSE_TOO_MANY_CONNECTIONS as CLOSE_TOO_MANY_CONNECTIONS,
} from '@natter/core';
