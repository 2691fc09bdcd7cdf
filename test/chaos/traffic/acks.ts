/**
 * A command the system acknowledged: its answer promised that `type` is stored on `streamId` at
 * `version`. The oracle holds the stores to every one of these promises.
 */
export interface Ack {
  command: string;
  streamId: string;
  type: string;
  version: number;
  /**
   * Whether the event at `version` must be this command's own (an append answers with the version
   * it wrote) or only some earlier one (a cancel of an order already cancelled answers with the
   * stream's version at the time).
   */
  exact: boolean;
}

export class AckLog {
  readonly acks: Ack[] = [];
  /** Commands the system refused or did not answer: allowed under faults, counted for the report. */
  refused = 0;

  add(ack: Ack): void {
    this.acks.push(ack);
  }

  get count(): number {
    return this.acks.length;
  }
}
