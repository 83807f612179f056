// Both SDKs register their own `unhandledrejection` listener, so Vitest's browser runner does not
// report a rejected promise nobody awaited: it only logs the bare event
// (`PromiseRejectionEvent { isTrusted: true }`, no reason, "unknown test"). Log the reason, so the
// promise that failed can be named.
window.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  console.error(
    'Unhandled promise rejection:',
    reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack ?? ''}` : reason,
  );
});
