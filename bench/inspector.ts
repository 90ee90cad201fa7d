/**
 * A Chrome DevTools protocol client for one Worker of a `workerd serve
 * --inspector-addr` process: heap statistics, garbage collection and CPU
 * profiles of the isolate itself (Node 20 has no WebSocket client: `ws`).
 */
import WebSocket from "ws";

/** `Runtime.getHeapUsage`, as workerd's V8 reports it. */
export interface HeapUsage {
  /** Live and not-yet-collected JavaScript objects. */
  usedSize: number;
  /** What V8 has reserved for them. */
  totalSize: number;
  /** workerd's own garbage-collected (cppgc) objects. */
  embedderHeapUsedSize: number;
  /** ArrayBuffer backing stores and external strings: bodies, gzip copies, the article pack. */
  backingStorageSize: number;
}

/** A V8 CPU profile (`Profiler.stop`), the format Chrome DevTools opens. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export class Inspector {
  private nextId = 0;
  private readonly pending = new Map<number, { done: (result: unknown) => void; fail: (error: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      const call = message.id === undefined ? undefined : this.pending.get(message.id);
      if (call === undefined) return; // an event
      this.pending.delete(message.id!);
      if (message.error) call.fail(new Error(`inspector: ${message.error.message}`));
      else call.done(message.result);
    });
  }

  /** Attach to `worker` (its service name) on the inspector at `port`. */
  static async connect(port: number, worker: string): Promise<Inspector> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/${worker}`);
    await new Promise((open, fail) => {
      socket.once("open", open);
      socket.once("error", fail);
    });
    return new Inspector(socket);
  }

  call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((done, fail) => {
      this.pending.set(id, { done: done as (result: unknown) => void, fail });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  heapUsage(): Promise<HeapUsage> {
    return this.call<HeapUsage>("Runtime.getHeapUsage");
  }

  /**
   * A full collection. workerd runs it when the isolate is next entered, so
   * `nudge` (a cheap request to the Worker) must follow, or it never answers.
   */
  async collectGarbage(nudge: () => Promise<unknown>): Promise<void> {
    await this.call("HeapProfiler.enable");
    const collected = this.call("HeapProfiler.collectGarbage");
    await nudge();
    await collected;
  }

  /** Sample the isolate's stacks every `intervalMicros` while `work` runs. */
  async profile(intervalMicros: number, work: () => Promise<unknown>): Promise<CpuProfile> {
    await this.call("Profiler.enable");
    await this.call("Profiler.setSamplingInterval", { interval: intervalMicros });
    await this.call("Profiler.start");
    await work();
    return (await this.call<{ profile: CpuProfile }>("Profiler.stop")).profile;
  }

  close(): void {
    this.socket.close();
  }
}
