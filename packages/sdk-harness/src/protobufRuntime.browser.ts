/**
 * In a browser: the `@protobuf-ts/runtime` module instance the SDK bundles import. The harness does
 * not depend on the package itself; the browser project's Vite config aliases the specifier to the
 * build the SDKs resolve, so this and the SDKs' imports are one module (`vitest.browser.config.ts`).
 */
export { MessageType } from '@protobuf-ts/runtime';
