/**
 * Reads a value from the database for many waiting requests at once, never older than the request.
 *
 * A request must see every write committed before it arrived, so it may not take the answer of a read
 * that was already under way when it came: it waits for the next one. All requests that arrive during
 * a read share the next read, so under load there is one query per round trip, not one per request.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  value(): Promise<T> {
    if (!this.running) {
      this.running = this.read().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    if (!this.next) {
      this.next = this.running.then(
        () => this.startNext(),
        () => this.startNext(),
      );
    }
    return this.next;
  }

  private startNext(): Promise<T> {
    this.next = null;
    return this.value();
  }
}
