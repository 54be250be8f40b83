/**
 * What keeps `npm start` honest to a supervisor (issue 12, "alive but dead"): a platform that fails for good is
 * stopped, and when no platform is left the process exits non-zero instead of running with no connection; an
 * unusable data folder stops start-up with its message.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { ConfigError, describeError } from '../src/errors';
import type { Logger } from '../src/types';

/** A connected platform, as start-up keeps it. */
export interface RunningPlatform {
  name: string;
  stop(): Promise<void>;
}

/**
 * The platforms that are running. {@link Platforms.fatal} stops one for good; {@link Platforms.allGone} resolves
 * once none is left, so start-up can exit non-zero.
 */
export class Platforms {
  private readonly running = new Map<string, RunningPlatform>();
  private readonly gone: Promise<void>;
  private resolveGone!: () => void;
  /** Fatal errors reported before the platform finished starting: it is stopped as soon as it is added. */
  private readonly early = new Set<string>();

  constructor(private readonly logger: Logger) {
    this.gone = new Promise((resolve) => {
      this.resolveGone = resolve;
    });
  }

  add(platform: RunningPlatform): void {
    this.running.set(platform.name, platform);
    if (this.early.delete(platform.name)) void this.remove(platform.name);
  }

  /** Names of the platforms still running. */
  get names(): string[] {
    return [...this.running.keys()];
  }

  /**
   * A platform failed for good (the caller has logged why, in one line): stop it; with none left, {@link allGone}
   * resolves.
   */
  fatal(name: string): void {
    if (!this.running.has(name)) {
      this.early.add(name);
      return;
    }
    void this.remove(name);
  }

  private async remove(name: string): Promise<void> {
    const platform = this.running.get(name);
    if (!platform) return;
    this.running.delete(name);
    try {
      await platform.stop();
    } catch (error) {
      this.logger.error({ code: 'stop_failed', adapter: name, error: describeError(error) }, 'stop failed');
    }
    if (this.running.size === 0) this.resolveGone();
  }

  /** Resolves when every platform has been stopped by {@link fatal}. */
  allGone(): Promise<void> {
    return this.gone;
  }

  /** Stops every platform still running (shutdown). */
  async stopAll(): Promise<void> {
    const all = [...this.running.values()];
    this.running.clear();
    const results = await Promise.allSettled(all.map((p) => p.stop()));
    results.forEach((r, i) => {
      if (r.status === 'rejected') this.logger.error({ code: 'stop_failed', adapter: all[i].name, error: describeError(r.reason) }, 'stop failed');
    });
  }
}

/**
 * Makes sure the data folder exists and can be written (saved index, question log), before anything starts.
 * @throws ConfigError naming `DATA_DIR` with the reason, so start-up exits 1 with one line
 */
export function checkDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? describeError(error);
    throw new ConfigError('DATA_DIR', `${dir} cannot be used as the data folder (${reason}): point DATA_DIR at a folder this user can write`);
  }
}
