// node.ts — the VM's host services on Node.js: standard streams, files, memory figures.
//
// Lua strings are byte strings (one JS char per byte), so everything crosses this boundary
// as 'latin1' Buffers: bytes in, bytes out, never re-encoded. Standard output is buffered
// (as C's stdout is when it is not a terminal) and flushed before anything goes to stderr,
// at exit, and when the buffer grows large.

import * as fs from 'node:fs';
import type { HostIO } from '../vm/state.js';

/** strerror() texts for the errno codes file operations commonly meet. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  EPERM: 'Operation not permitted',
  EBADF: 'Bad file descriptor',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EMFILE: 'Too many open files',
  ENOTEMPTY: 'Directory not empty',
  EXDEV: 'Invalid cross-device link',
  ESPIPE: 'Illegal seek',
  EPIPE: 'Broken pipe',
};

/** The C library's message for a Node.js system error. */
export function strerror(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code !== undefined && STRERROR[code] !== undefined) return STRERROR[code];
  return e instanceof Error ? e.message : String(e);
}

/** errno number for a Node.js system error (for io's third result). */
export function errnoOf(e: unknown): number {
  const errno = (e as { errno?: number }).errno;
  return typeof errno === 'number' ? Math.abs(errno) : 0;
}

export class NodeHost implements HostIO {
  private out: string[] = [];
  private outSize = 0;

  stdout(bytes: string): void {
    this.out.push(bytes);
    this.outSize += bytes.length;
    if (this.outSize > 1 << 16) this.flush();
  }

  stderr(bytes: string): void {
    this.flush();
    writeAll(2, bytes);
  }

  flush(): void {
    if (this.outSize === 0 && this.out.length === 0) return;
    const s = this.out.join('');
    this.out = [];
    this.outSize = 0;
    writeAll(1, s);
  }

  readFile(path: string): string | { error: string } {
    try {
      return fs.readFileSync(path).toString('latin1');
    } catch (e) {
      return { error: strerror(e) };
    }
  }

  readLine(): string | undefined {
    const byte = Buffer.alloc(1);
    let line = '';
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(0, byte, 0, 1, null);
      } catch {
        return line === '' ? undefined : line;
      }
      if (n === 0) return line === '' ? undefined : line;
      if (byte[0] === 10) return line;
      line += String.fromCharCode(byte[0]);
    }
  }

  readStdin(): string | undefined {
    try {
      return fs.readFileSync(0).toString('latin1');
    } catch {
      return undefined;
    }
  }

  heapUsed(): number {
    return process.memoryUsage().heapUsed;
  }
}

function writeAll(fd: number, s: string): void {
  const buf = Buffer.from(s, 'latin1');
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') continue;
      if ((e as { code?: string }).code === 'EPIPE') return;
      throw e;
    }
  }
}
