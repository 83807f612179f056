/**
 * `@protobuf-ts/runtime` is a dependency of the SDKs, not of the harness, so TypeScript cannot
 * resolve it from here. Only what `protobufRuntime.browser.ts` re-exports is declared.
 */
declare module '@protobuf-ts/runtime' {
  export const MessageType: { prototype: object };
}
