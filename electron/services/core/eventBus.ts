import type { EventName, EventPayload } from '../../contract';

type Listener = (name: EventName, payload: unknown) => void;

/** One bus per app; the transports subscribe and forward to windows or SSE clients. */
export class EventBus {
  private listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
