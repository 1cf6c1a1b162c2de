import type { Db } from './open';

interface Job {
  work: () => unknown;
  done: (value: unknown) => void;
  fail: (err: unknown) => void;
}

/**
 * Group commit: the writes that arrive together (twenty stations at once) are applied one after
 * another in one transaction, each in a savepoint of its own, and committed with one sync to
 * disk. With `synchronous=FULL` every commit waits for the disk, on the one thread that answers
 * every station; one commit per write made a busy pickup table wait for a queue of syncs.
 *
 * Nothing is answered before the commit: a write is confirmed only once it is on disk, as
 * before. A write that fails is rolled back to its savepoint and fails alone; the others commit.
 * If the commit itself fails, every write of the group fails (none of them happened).
 * Work must be synchronous: a transaction cannot stay open across an await.
 */
export class CommitGroup {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((done, fail) => {
      this.queue.push({ work, done: done as (value: unknown) => void, fail });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the I/O of this turn: every request already read joins the same group.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; err: unknown })[] = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const job of jobs) {
        this.db.exec('SAVEPOINT grouped_write');
        try {
          const value = job.work();
          this.db.exec('RELEASE grouped_write');
          outcomes.push({ ok: true, value });
        } catch (err) {
          this.db.exec('ROLLBACK TO grouped_write');
          this.db.exec('RELEASE grouped_write');
          outcomes.push({ ok: false, err });
        }
      }
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const job of jobs) job.fail(err);
      return;
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.done(outcome.value);
      else job.fail(outcome.err);
    });
  }
}
