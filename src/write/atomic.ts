/**
 * Writing files so that nothing is half-written and nothing outside the output folder is touched:
 * content goes to a temporary file created exclusively (O_EXCL, never following a symlink) under a
 * random name in the target folder, then is renamed over the target. Folders are created one level
 * at a time, so an impossible path (under /proc, through a file) fails at once instead of looping.
 */
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Creates a folder and its parents.
 * @param dir the folder
 * @throws the file system's error when a level cannot be created (not a folder, no permission)
 */
export async function makeFolder(dir: string): Promise<void> {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      const info = await stat(at);
      if (!info.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(at);
      if (path.dirname(at) === at) break;
    }
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stat(level)).isDirectory()) throw error;
    }
  }
}

/**
 * Writes a file atomically.
 * @param target the file to write (its folder must exist)
 * @param content the bytes or text
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.wikitally-${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    await handle.writeFile(content);
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Says why a write failed, in words.
 * @param error what the file system threw
 * @returns e.g. "no space left on the device"
 */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENAMETOOLONG: 'the name is too long',
    EEXIST: 'a file is in the way',
    EDQUOT: 'disk quota exceeded',
    EIO: 'input/output error',
  };
  return (code === undefined ? undefined : words[code]) ?? (error instanceof Error ? error.message : String(error));
}
