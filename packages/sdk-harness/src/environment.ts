/**
 * The browser globals the SDKs touch that jsdom lacks, and the `fetch` they use for REST calls.
 *
 * Only what `init()` and `join()` with audio and video off actually reach is stubbed:
 * `MediaStream` (the audio playback element), `AudioContext` (the audio sampler the media client
 * builds eagerly), `navigator.mediaDevices` (device lists). `RTCPeerConnection` comes from the
 * SDK's own `setupStubs()`. In a real browser the media classes are its own; only
 * `navigator.mediaDevices` is still replaced (headless Chromium lists no device, and Dyte rejects
 * without a speaker).
 */

type Restore = () => void;

function setGlobal(name: string, value: unknown, restores: Restore[]): void {
  const g = globalThis as Record<string, unknown>;
  const had = Object.prototype.hasOwnProperty.call(g, name);
  const previous = g[name];
  g[name] = value;
  restores.push(() => {
    if (had) g[name] = previous;
    else delete g[name];
  });
}

class StubMediaStream {
  private readonly tracks: unknown[] = [];
  readonly id = 'stub-media-stream';
  getTracks(): unknown[] {
    return [...this.tracks];
  }
  getAudioTracks(): unknown[] {
    return [];
  }
  getVideoTracks(): unknown[] {
    return [];
  }
  addTrack(track: unknown): void {
    this.tracks.push(track);
  }
  removeTrack(track: unknown): void {
    const i = this.tracks.indexOf(track);
    if (i !== -1) this.tracks.splice(i, 1);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
}

const audioNode = { connect(): void {}, disconnect(): void {} };

class StubAudioContext {
  state = 'running';
  readonly sampleRate = 48000;
  createAnalyser(): object {
    return {
      ...audioNode,
      fftSize: 2048,
      frequencyBinCount: 1024,
      getFloatTimeDomainData(): void {},
      getByteFrequencyData(): void {},
    };
  }
  createMediaStreamSource(): object {
    return { ...audioNode };
  }
  createGain(): object {
    return { ...audioNode, gain: { value: 1 } };
  }
  resume(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }
  addEventListener(): void {}
  removeEventListener(): void {}
}

// One speaker: Dyte rejects (unhandled) with ERR1608 when no audio output device exists.
const speaker = {
  deviceId: 'default',
  groupId: 'harness',
  kind: 'audiooutput',
  label: 'Harness speaker',
  toJSON: (): object => ({}),
};

const stubMediaDevices = {
  enumerateDevices: (): Promise<unknown[]> => Promise.resolve([speaker]),
  getUserMedia: (): Promise<never> =>
    Promise.reject(new DOMException('No devices in the test environment', 'NotFoundError')),
  getDisplayMedia: (): Promise<never> =>
    Promise.reject(new DOMException('No display in the test environment', 'NotFoundError')),
  getSupportedConstraints: (): object => ({}),
  addEventListener(): void {},
  removeEventListener(): void {},
  ondevicechange: null,
};

/** `RTCRtpSender` / `RTCRtpReceiver`: the media client reads their codec capabilities while connecting. */
function rtpEndpointStub(): object {
  return class {
    static getCapabilities(): { codecs: unknown[]; headerExtensions: unknown[] } {
      return { codecs: [], headerExtensions: [] };
    }
  };
}

/** Install the media stubs; returns the function that removes them. */
export function installMediaStubs(): Restore {
  const restores: Restore[] = [];
  if (typeof (globalThis as Record<string, unknown>).MediaStream === 'undefined')
    setGlobal('MediaStream', StubMediaStream, restores);
  if (typeof (globalThis as Record<string, unknown>).AudioContext === 'undefined')
    setGlobal('AudioContext', StubAudioContext, restores);
  if (typeof (globalThis as Record<string, unknown>).RTCRtpSender === 'undefined')
    setGlobal('RTCRtpSender', rtpEndpointStub(), restores);
  if (typeof (globalThis as Record<string, unknown>).RTCRtpReceiver === 'undefined')
    setGlobal('RTCRtpReceiver', rtpEndpointStub(), restores);
  // Always: jsdom has no `mediaDevices`, and headless Chromium's lists no device at all. An own
  // property shadows the browser's `Navigator.prototype` getter until the restore deletes it.
  if (!Object.prototype.hasOwnProperty.call(navigator, 'mediaDevices')) {
    Object.defineProperty(navigator, 'mediaDevices', {
      value: stubMediaDevices,
      configurable: true,
    });
    restores.push(() => {
      delete (navigator as unknown as Record<string, unknown>).mediaDevices;
    });
  }
  return () => {
    for (const r of restores.reverse()) r();
  };
}

/** A REST answer: JSON body and status. */
export interface FetchAnswer {
  status?: number;
  body: unknown;
}

export interface FetchRoute {
  method?: string;
  /** Matched against the URL's path. */
  path: string | RegExp;
  answer: (request: { url: URL; method: string; body: unknown }) => FetchAnswer;
}

export interface FetchLogEntry {
  method: string;
  url: string;
  status: number;
}

function matches(route: FetchRoute, url: URL, method: string): boolean {
  if (route.method && route.method !== method) return false;
  return typeof route.path === 'string'
    ? url.pathname === route.path
    : route.path.test(url.pathname);
}

async function readBody(init: RequestInit | undefined, input: RequestInfo | URL): Promise<unknown> {
  const raw = init?.body ?? (input instanceof Request ? await input.text() : undefined);
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Replace `fetch` with a router. Unknown URLs (telemetry, logs, ICE servers, location) get
 * `200 {}`, as the SDK's stock stub gives every request; the log records them all.
 */
export function installFetch(routes: FetchRoute[], log: FetchLogEntry[]): Restore {
  const previous = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const href = input instanceof Request ? input.url : String(input);
    const url = new URL(href, 'https://localhost/');
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    const route = routes.find((r) => matches(r, url, method));
    const answer: FetchAnswer = route
      ? route.answer({ url, method, body: await readBody(init, input) })
      : { body: {} };
    const status = answer.status ?? 200;
    log.push({ method, url: href, status });
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return () => {
    window.fetch = previous;
  };
}

/** An unsigned JWT carrying `payload`; the SDKs decode the token locally and never verify it. */
export function unsignedJwt(payload: Record<string, unknown>): string {
  // base64url of the UTF-8 JSON, with browser APIs (no `Buffer`): the harness also runs in Chromium.
  const b64url = (o: unknown): string => {
    const bytes = new TextEncoder().encode(JSON.stringify(o));
    return btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  };
  return `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}.harness-signature`;
}
