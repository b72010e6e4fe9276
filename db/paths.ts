import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron's app.getPath('userData') gives for "EmDia", so CLI and desktop share a file. */
export function userDataDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'EmDia');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'EmDia');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'EmDia');
}
