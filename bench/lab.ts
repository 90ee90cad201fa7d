/**
 * What the sections share, made once per run: the prepared corpora and
 * wirefeed's captured answers for each, plus the run's log.
 */
import { join } from "node:path";
import { OUT, prepare, type Corpus } from "./prepare";
import { mib, ms } from "./report";
import { captureRoutes, discoverRoutes, type CapturedRoute } from "./routes";
import { serve, wirefeedWorker } from "./servers";
import type { Settings } from "./settings";

export class Lab {
  private readonly started = performance.now();
  private readonly corpora = new Map<number, Corpus>();
  private readonly captured = new Map<number, CapturedRoute[]>();
  private readonly made = new Map<string, Promise<unknown>>();
  /** Seconds spent generating, building and bundling corpora so far. */
  preparingSeconds = 0;

  constructor(readonly settings: Settings) {}

  /** Progress on stderr, with the seconds since the run began. */
  log(message: string): void {
    console.error(`[${this.elapsedSeconds().toFixed(0).padStart(3)} s] ${message}`);
  }

  elapsedSeconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  /** Where a size's generated configs and files go. */
  dir(size: number): string {
    return join(OUT, `workerd-${size}`);
  }

  /** `size` generated articles, built and bundled (once per run). */
  corpus(size: number): Corpus {
    let corpus = this.corpora.get(size);
    if (corpus === undefined) {
      this.log(`corpus ${size}: generating, building and bundling…`);
      const started = this.elapsedSeconds();
      corpus = prepare(size);
      this.preparingSeconds += this.elapsedSeconds() - started;
      this.corpora.set(size, corpus);
      this.log(`corpus ${size}: seeds ${mib(corpus.seedsBytes)}, build ${ms(corpus.build.wallMs)} (CPU ${ms(corpus.build.cpuMs)}), bundle ${mib(corpus.bundleBytes)}`);
    }
    return corpus;
  }

  /** What `make` gives, made once per run under `key`: measurements two sections report. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let made = this.made.get(key) as Promise<T> | undefined;
    if (made === undefined) this.made.set(key, (made = make()));
    return made;
  }

  /** Whether `key` was made (or is being made) in this run. */
  has(key: string): boolean {
    return this.made.has(key);
  }

  /** One URL of every kind and wirefeed's answers to it, from a fresh process (once per run). */
  async routes(size: number): Promise<CapturedRoute[]> {
    let routes = this.captured.get(size);
    if (routes === undefined) {
      const workerd = await serve(this.dir(size), "capture", [wirefeedWorker(this.corpus(size))]);
      try {
        routes = await captureRoutes(workerd.ports.wirefeed!, await discoverRoutes(workerd.ports.wirefeed!));
      } finally {
        await workerd.stop();
      }
      this.captured.set(size, routes);
    }
    return routes;
  }
}
