import type { AppState } from '../../../../shared/app-state';
import { type Message, message } from '../../../../shared/message';
import type { LatestResults } from '../../monitor/latest-results';
import { listenPlan } from '../../serve/listen';
import type { MetricsServer } from '../../serve/metrics-server';
import type { ConfigStore } from '../../store/config-store';

/**
 * Starts or stops the metrics endpoint to match the setting; prom-client loads only when it is first on. Changes
 * apply one after another: a quick off-on must not start two servers.
 */
export class MetricsEndpointApplier {
  private server: MetricsServer | null = null;
  private problem: Message | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: ConfigStore,
    private readonly results: LatestResults,
    /** Where it listens when on: loopback only (default 127.0.0.1:9464). */
    private readonly listen: string | undefined,
    private readonly now: () => Date,
    /** Called once the endpoint started, stopped or failed, so the popover can say so. */
    private readonly changed: () => void,
    /** Alerts given up per channel, for creditbar_channel_failures_total. */
    private readonly channelFailures?: () => ReadonlyMap<string, number>,
  ) {
    config.onChange(() => this.apply());
  }

  /** What Settings shows while the setting is on. */
  get view(): AppState['metricsServer'] {
    return this.config.settings.serveMetrics
      ? { base: this.server?.base ?? null, problem: this.problem }
      : undefined;
  }

  /** Resolves once every change asked for so far has been applied. */
  apply(): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow());
    return this.queue;
  }

  async stop(): Promise<void> {
    await this.queue;
    await this.close();
  }

  private async close(): Promise<void> {
    const { server } = this;
    this.server = null;
    this.problem = null;
    await server?.close();
  }

  private async applyNow(): Promise<void> {
    const wanted = this.config.settings.serveMetrics === true;
    if (wanted === (this.server !== null) && (wanted || this.problem === null)) return;
    if (!wanted) {
      await this.close();
      this.changed();
      return;
    }
    const plan = listenPlan(this.listen, false);
    if (!plan.ok) {
      this.problem = plan.problem;
      this.changed();
      return;
    }
    try {
      const { startMetricsServer } = await import('../../serve/metrics-server');
      this.server = await startMetricsServer({
        state: this.results,
        host: plan.host,
        port: plan.port,
        token: null,
        now: this.now,
        ...(this.channelFailures ? { channelFailures: this.channelFailures } : {}),
      });
      this.problem = null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      this.problem =
        code === 'EADDRINUSE'
          ? message('metrics.portTaken', { port: String(plan.port) })
          : message('metrics.cannotListen', { host: plan.host, port: String(plan.port), code });
    }
    this.changed();
  }
}
