/**
 * How a batch reports its progress (a bar on a terminal, nothing elsewhere): the shape commands and
 * delivery/ see, so they never know where the bar is drawn. cli/progress.ts draws it.
 */
export interface Progress {
  tick(label?: string): void;
  stop(): void;
}

/** Starts the progress of a batch of `total` items, named `what` ("Send", "PDF"). */
export type StartProgress = (total: number, what: string) => Promise<Progress>;
