/**
 * Reaching the SDKs' own protobuf message types.
 *
 * Both SDKs bundle their protobuf-ts generated classes (`class X extends MessageType { constructor()
 * { super("socket.chat.ChatMessage", [...]) } }`) and export none of them. They do import the
 * `MessageType` base class from the shared `@protobuf-ts/runtime` package, and its constructor
 * assigns `this.typeName = name`. An accessor for `typeName` installed on `MessageType.prototype`
 * *before* an SDK module is evaluated therefore sees every message type the SDK constructs. The
 * constructing stack frame tells which bundle (RealtimeKit or Dyte, main bundle or `./mock`) the
 * type belongs to, so same-named types of the two SDKs (which differ in fields) are kept apart.
 *
 * The harness encodes and decodes every socket frame with these instances, so the bytes the SDK
 * reads are exactly the bytes its own code would accept from the real server.
 *
 * This works under Node (jsdom, happy-dom) and in a real browser; only how the harness reaches the
 * runtime module differs (`protobufRuntime.node.ts`, `protobufRuntime.browser.ts`). In Chromium the
 * stack names the bundles by URL (`.../@cloudflare/realtimekit/dist/index.es.js?v=...`), which the
 * browser project keeps by serving the SDKs as they are.
 */
import type { RuntimeModule } from './runtimeModule';

/** The few members of protobuf-ts's `MessageType` the harness uses. */
export interface ProtoType<T extends object = Record<string, unknown>> {
  readonly typeName: string;
  create(value?: Partial<T>): T;
  toBinary(message: T): Uint8Array;
  fromBinary(bytes: Uint8Array): T;
  toJson(message: T): unknown;
}

export type SdkKind = 'realtimekit' | 'dyte';

/** Type names seen per bundle. A name may be constructed more than once: the first wins. */
type Buckets = Record<SdkKind, Map<string, ProtoType>>;

const REGISTRY_KEY = Symbol.for('natter.sdk-harness.protoRegistry');
const HOOKED_KEY = Symbol.for('natter.sdk-harness.typeNameHook');

interface GlobalWithRegistry {
  [REGISTRY_KEY]?: Buckets;
}

function buckets(): Buckets {
  const g = globalThis as GlobalWithRegistry;
  g[REGISTRY_KEY] ??= { realtimekit: new Map(), dyte: new Map() };
  return g[REGISTRY_KEY];
}

/** Which SDK main bundle constructed the type, from the stack of the constructor call. */
function bundleOf(stack: string): SdkKind | undefined {
  // Skip the `./mock` bundles: they carry their own (older) copies of some types.
  for (const line of stack.split('\n').slice(1)) {
    if (/realtimekit[\\/]dist[\\/]index\./.test(line)) return 'realtimekit';
    if (/web-core[\\/]dist[\\/]index\./.test(line)) return 'dyte';
    if (/ClientMock\./.test(line)) return undefined;
  }
  return undefined;
}

function installHook(runtime: RuntimeModule): void {
  const proto = runtime.MessageType.prototype as Record<symbol, unknown>;
  if (proto[HOOKED_KEY]) return;
  Object.defineProperty(proto, HOOKED_KEY, { value: true });
  Object.defineProperty(proto, 'typeName', {
    configurable: true,
    get(): undefined {
      return undefined;
    },
    set(this: ProtoType, name: string) {
      // Replace the accessor by a plain own property, as the constructor intended.
      Object.defineProperty(this, 'typeName', {
        value: name,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      const kind = bundleOf(new Error().stack ?? '');
      if (kind) {
        const map = buckets()[kind];
        if (!map.has(name)) map.set(name, this);
      }
    },
  });
}

const SDK_PACKAGE: Record<SdkKind, string> = {
  realtimekit: '@cloudflare/realtimekit',
  dyte: '@dytesdk/web-core',
};

/** Node (jsdom, happy-dom) rather than a real browser, where Vite serves every module. */
function underNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: unknown } } }).process;
  return typeof p?.versions?.node === 'string';
}

/**
 * Install the constructor hook on the `@protobuf-ts/runtime` the SDK will load. Under Node that is
 * found from the SDK's own location; in a browser the harness imports the one module instance the
 * SDKs import too (the browser project's Vite config makes them the same, see
 * `vitest.browser.config.ts`).
 */
async function hookRuntimeOf(kind: SdkKind): Promise<void> {
  const runtimes = underNode()
    ? await (await import('./protobufRuntime.node')).runtimesOf(SDK_PACKAGE[kind])
    : [await import('./protobufRuntime.browser')];
  for (const runtime of runtimes) installHook(runtime);
}

/** The protobuf types one SDK bundle constructed. */
export class ProtoRegistry {
  constructor(
    readonly kind: SdkKind,
    private readonly types: Map<string, ProtoType>,
  ) {}

  get size(): number {
    return this.types.size;
  }

  has(typeName: string): boolean {
    return this.types.has(typeName);
  }

  /** The SDK's own `MessageType` instance for a fully qualified protobuf name. */
  get<T extends object = Record<string, unknown>>(typeName: string): ProtoType<T> {
    const type = this.types.get(typeName);
    if (!type)
      throw new Error(`sdk-harness: the ${this.kind} bundle has no protobuf type ${typeName}`);
    return type as unknown as ProtoType<T>;
  }
}

/**
 * Hook the protobuf runtime, then evaluate the SDK's main bundle, and return its default export
 * with the registry of the types it constructed.
 */
export async function loadSdk<T>(
  kind: SdkKind,
  importSdk: () => Promise<{ default: T }>,
): Promise<{ sdk: T; registry: ProtoRegistry }> {
  await hookRuntimeOf(kind);
  const mod = await importSdk();
  const map = buckets()[kind];
  if (map.size === 0) {
    throw new Error(
      `sdk-harness: no protobuf types were captured for ${kind}. The SDK module was evaluated before the ` +
        'harness hooked @protobuf-ts/runtime; import the SDK only through the harness.',
    );
  }
  return { sdk: mod.default, registry: new ProtoRegistry(kind, map) };
}
