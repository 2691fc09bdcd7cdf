import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { requireCommand } from './proc';

/** The JDK that `java` on PATH belongs to (JAVA_HOME wins when set). */
export const javaHome = (service: string): string => {
  if (process.env.JAVA_HOME) return process.env.JAVA_HOME;
  const java = requireCommand(service, 'java', 'install a JDK 17 or later (e.g. `apt-get install openjdk-17-jdk-headless`)');
  return dirname(dirname(realpathSync(java)));
};
