/** The part of `@protobuf-ts/runtime` the registry hooks: every message class's base. */
export interface RuntimeModule {
  MessageType: { prototype: object };
}
