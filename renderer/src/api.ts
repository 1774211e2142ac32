import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  ContractError,
  Envelope,
  EventName,
  EventPayload,
} from '../../electron/contract';

/** What the preload script exposes in Electron (see electron/preload). */
interface WinkelpostBridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, callback: (payload: unknown) => void): () => void;
  pathForFile?(file: File): string;
}

declare global {
  interface Window {
    winkelpost?: WinkelpostBridge;
  }
}

/** A channel answered ok:false: carries the code, the i18n key and field issues. */
export class ApiError extends Error {
  readonly code: string;
  readonly key?: string;
  readonly params?: Record<string, string | number>;
  readonly issues: NonNullable<ContractError['issues']>;

  constructor(error: ContractError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.key = error.key;
    this.params = error.params;
    this.issues = error.issues ?? [];
  }
}

async function overHttp(channel: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: { code: 'offline', message: 'The app is not reachable', key: 'common:errors.offline' },
    };
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `HTTP ${response.status}`,
        key: 'common:errors.internal',
      },
    };
  }
}

/** Electron: the path of a file the user chose or dropped; undefined in browser mode. */
export const pathForFile: ((file: File) => string) | undefined = window.winkelpost?.pathForFile;

/** Browser mode: the file's bytes once, streamed to the app (PUT /api/upload); its upload id. */
export async function uploadFile(file: File): Promise<string> {
  let envelope: Envelope<unknown>;
  try {
    const response = await fetch('./api/upload', {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    envelope = (await response.json()) as Envelope<unknown>;
  } catch {
    envelope = {
      ok: false,
      error: { code: 'offline', message: 'The app is not reachable', key: 'common:errors.offline' },
    };
  }
  if (!envelope.ok) throw new ApiError(envelope.error);
  return (envelope.value as { uploadId: string }).uploadId;
}

export async function call<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const envelope = window.winkelpost
    ? await window.winkelpost.invoke(channel, input)
    : await overHttp(channel, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as ChannelOutput<C>;
}

type Callback = (payload: unknown) => void;
const httpListeners = new Map<string, Set<Callback>>();
let source: EventSource | null = null;

function ensureEventSource(): void {
  if (source) return;
  source = new EventSource('./api/events');
}

export function on<E extends EventName>(
  event: E,
  callback: (payload: EventPayload<E>) => void,
): () => void {
  if (window.winkelpost) return window.winkelpost.on(event, callback as Callback);
  ensureEventSource();
  let set = httpListeners.get(event);
  if (!set) {
    const listeners = new Set<Callback>();
    httpListeners.set(event, listeners);
    source?.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of listeners) listener(payload);
    });
    set = listeners;
  }
  set.add(callback as Callback);
  return () => set.delete(callback as Callback);
}

export const api = { call, on };
