/** A minimal Node-style event emitter with the method names the SDKs' emitters have. */
export interface Emitter<Events extends object> {
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): void;
  once<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): void;
  off<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): void;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  listenerCount(event: keyof Events): number;
  removeAllListeners(event?: keyof Events): void;
}

type AnyListener = (payload: never) => void;

/**
 * Like Node's `EventEmitter`: listeners run synchronously in registration order, a listener added
 * twice runs twice, `off` removes the most recently added copy, and a throwing listener throws out of
 * `emit` (the listeners after it do not run).
 */
export function createEmitter<Events extends object>(): Emitter<Events> {
  const listeners = new Map<keyof Events, AnyListener[]>();
  const onceWrappers = new WeakMap<AnyListener, AnyListener>();

  function off(event: keyof Events, listener: AnyListener): void {
    const list = listeners.get(event);
    if (!list) return;
    const wrapper = onceWrappers.get(listener);
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || (wrapper !== undefined && list[i] === wrapper)) {
        list.splice(i, 1);
        break;
      }
    }
    if (list.length === 0) listeners.delete(event);
  }

  return {
    on(event, listener) {
      const list = listeners.get(event) ?? [];
      list.push(listener as AnyListener);
      listeners.set(event, list);
    },
    once(event, listener) {
      const wrapper = (payload: Events[typeof event]) => {
        off(event, wrapper as AnyListener);
        listener(payload);
      };
      onceWrappers.set(listener as AnyListener, wrapper as AnyListener);
      this.on(event, wrapper);
    },
    off(event, listener) {
      off(event, listener as AnyListener);
    },
    emit(event, payload) {
      const list = listeners.get(event);
      if (!list) return;
      for (const listener of [...list])
        (listener as (payload: Events[typeof event]) => void)(payload);
    },
    listenerCount(event) {
      return listeners.get(event)?.length ?? 0;
    },
    removeAllListeners(event) {
      if (event === undefined) listeners.clear();
      else listeners.delete(event);
    },
  };
}
