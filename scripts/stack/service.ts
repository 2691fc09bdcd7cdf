export type UpResult = 'started' | 'reused' | 'external' | 'system';

export interface ServiceStatus {
  name: string;
  /** running: started by this stack; system: a server already on the machine; external: env points elsewhere */
  state: 'running' | 'system' | 'external' | 'stopped';
  address: string;
  pid?: number;
  log?: string;
}

/** One infrastructure service the stack can start, reuse, stop and report on. */
export interface StackService {
  readonly name: string;
  up(): Promise<UpResult>;
  /** Stops it if this stack started it; true when something was stopped. */
  down(): Promise<boolean>;
  status(): Promise<ServiceStatus>;
}
