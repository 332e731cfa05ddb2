/** A page of the dashboard: rendered into the main element, read again on live changes. */
export interface Page {
  /** Reads the data again and updates what is shown, keeping the reader's place. */
  refresh(): Promise<void>;
  dispose(): void;
}

/** Goes to another page of the dashboard without a reload. */
export type Navigate = (href: string, options?: { replace?: boolean }) => void;
