/** Samples this process's resident set size until stopped; the peak is what a user's machine must hold. */
export class PeakRss {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }, 20);

  /** The peak so far in MB; sampling goes on. */
  soFar(): number {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
    return Math.round(this.peak / 1024 / 1024);
  }

  /** Stops sampling; the peak in MB. */
  stop(): number {
    clearInterval(this.timer);
    return this.soFar();
  }
}
