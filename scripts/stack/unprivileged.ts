import { spawnSync } from 'node:child_process';
import { StackError } from './log';

export interface RunAs {
  user: string;
  uid: number;
  gid: number;
}

const idOf = (user: string): RunAs | undefined => {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { user, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
};

/**
 * Elasticsearch and PostgreSQL refuse to run as root, and our machines and CI run as root.
 * As root we run them as a system user (created on first use); otherwise as ourselves.
 */
export const unprivilegedUser = (service: string, preferred: string[]): RunAs | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of preferred) {
    const found = idOf(name);
    if (found) return found;
  }
  const name = preferred[preferred.length - 1];
  const made = spawnSync(
    'useradd',
    ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name],
    { encoding: 'utf8' },
  );
  const created = idOf(name);
  if (!created) throw new StackError(service, `could not create user ${name}: ${made.stderr.trim()}`);
  return created;
};

export const chownTree = (path: string, runAs: RunAs | undefined): void => {
  if (!runAs) return;
  const res = spawnSync('chown', ['-R', `${runAs.uid}:${runAs.gid}`, path], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`chown ${path}: ${res.stderr.trim()}`);
};

/** True when `runAs` can reach `path` (every parent folder must be searchable by it). */
export const canReach = (path: string, runAs: RunAs | undefined): boolean => {
  if (!runAs) return true;
  const res = spawnSync('runuser', ['-u', runAs.user, '--', 'test', '-x', path]);
  return res.status === 0;
};
