// node.ts — the VM's host services on Node.js: standard streams, files, memory figures.
//
// Lua strings are byte strings (one JS char per byte), so everything crosses this boundary
// as 'latin1' Buffers: bytes in, bytes out, never re-encoded. Standard output is buffered
// (as C's stdout is when it is not a terminal) and flushed before anything goes to stderr,
// at exit, and when the buffer grows large.

import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/**
 * V8's gc(), made available without a command-line flag (it only runs on demand). Created on
 * first use: a new V8 context costs milliseconds that every `moonlet` start would pay.
 */
let hostGC: (() => void) | undefined | null = null;
function getHostGC(): (() => void) | undefined {
  if (hostGC === null) {
    try {
      v8.setFlagsFromString('--expose-gc');
      hostGC = vm.runInNewContext('gc') as () => void;
    } catch {
      hostGC = undefined;
    }
  }
  return hostGC;
}
import type { spawnSync } from 'node:child_process';
import { childProcess, nodeOs } from './node-builtins.js';
import type { HostIO } from '../vm/state.js';
import type { ExitStatus, HostFailure, HostFileInfo, HostPipe, HostSystem, OpenMode } from './host.js';

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
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  EBUSY: 'Device or resource busy',
  ETXTBSY: 'Text file busy',
  EFBIG: 'File too large',
  EIO: 'Input/output error',
  ENXIO: 'No such device or address',
  EAGAIN: 'Resource temporarily unavailable',
  ENOMEM: 'Cannot allocate memory',
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
  /** Files, processes and the environment for io/os/package (NodeSystem below). */
  readonly system: NodeSystem = new NodeSystem(this);

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
    this.system.syncWrites();
    try {
      return fs.readFileSync(cPath(path)).toString('latin1');
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

  /** A real V8 collection when the process allows one (collectgarbage's count then drops). */
  fullGC(): void {
    getHostGC()?.();
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

// ============================================================================================
// Files, processes and the environment (HostSystem, for io/os/package)
// ============================================================================================

/** A Lua byte-string path as Node takes it: bytes, cut at the first NUL as C would. */
function cPath(path: string): Buffer {
  const nul = path.indexOf('\0');
  return Buffer.from(nul >= 0 ? path.slice(0, nul) : path, 'latin1');
}

function failure(e: unknown): HostFailure {
  return { error: strerror(e), errno: errnoOf(e) };
}

/** Block the thread for a few milliseconds (retrying a non-blocking descriptor). */
function nap(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Functions to run when the process ends, however it ends (C's atexit + exit's flushing). */
const exitHooks = new Set<() => void>();
let exitListening = false;

function onProcessExit(hook: () => void): void {
  exitHooks.add(hook);
  if (!exitListening) {
    exitListening = true;
    process.on('exit', () => {
      for (const h of [...exitHooks]) {
        try {
          h();
        } catch {
          // Nothing sensible to report while the process ends.
        }
      }
    });
  }
}

function exitStatus(r: ReturnType<typeof spawnSync>): ExitStatus | HostFailure {
  if (r.error !== undefined && r.status === null && r.signal === null) return failure(r.error);
  if (r.signal !== null) return { what: 'signal', code: (nodeOs().constants.signals as Record<string, number>)[r.signal] ?? 0 };
  return { what: 'exit', code: r.status ?? 0 };
}

/**
 * The Node.js HostSystem. Writes to files are gathered per descriptor and written in one
 * system call when the next operation of any kind comes (or at 64 KiB, or at exit), so many
 * small `f:write` calls cost one writeSync; every other operation first calls syncWrites(),
 * which is what keeps buffering invisible (host.ts's invariant). Child processes run to
 * completion synchronously: popen "r" runs the command at once and serves its whole output,
 * popen "w" gathers the input and runs the command when the pipe is closed.
 */
export class NodeSystem implements HostSystem {
  /** The gathered writes: one descriptor, contiguous from `pos` (null: sequential). */
  private pendFd = -1;
  private pendPos: number | null = null;
  private pendParts: string[] = [];
  private pendSize = 0;
  /** Modes of the descriptors opened here (writes to read-only ones fail at once). */
  private modes = new Map<number, OpenMode>();
  private exitHook = (): void => {
    this.syncWrites();
    this.host.flush();
  };

  constructor(private readonly host: NodeHost) {}

  /** Write out the gathered writes (see the class comment). */
  syncWrites(): HostFailure | undefined {
    if (this.pendFd < 0) return undefined;
    const fd = this.pendFd;
    const data = this.pendParts.length === 1 ? this.pendParts[0] : this.pendParts.join('');
    const pos = this.pendPos;
    this.pendFd = -1;
    this.pendParts = [];
    this.pendSize = 0;
    exitHooks.delete(this.exitHook);
    return writeAt(fd, data, pos);
  }

  open(path: string, mode: OpenMode): number | HostFailure {
    this.syncWrites();
    try {
      const fd = fs.openSync(cPath(path), mode, 0o666);
      this.modes.set(fd, mode);
      return fd;
    } catch (e) {
      return failure(e);
    }
  }

  read(fd: number, length: number, position: number | null): string | HostFailure {
    this.syncWrites();
    if (fd === 0) this.host.flush(); // a prompt written before reading shows up first
    const buf = Buffer.allocUnsafe(length);
    for (let tries = 0; ; tries++) {
      try {
        const n = fs.readSync(fd, buf, 0, length, position);
        return buf.toString('latin1', 0, n);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'EAGAIN') {
          nap(tries < 10 ? 1 : 20);
          continue;
        }
        if (code === 'EOF') return '';
        return failure(e);
      }
    }
  }

  write(fd: number, bytes: string, position: number | null): true | HostFailure {
    if (this.modes.get(fd) === 'r') return { error: STRERROR.EBADF, errno: 9 };
    if (fd === 1 || fd === 2) this.host.flush();
    if (this.pendFd === fd && (position === null ? this.pendPos === null : this.pendPos !== null && this.pendPos + this.pendSize === position)) {
      this.pendParts.push(bytes);
      this.pendSize += bytes.length;
    } else {
      const r = this.syncWrites();
      if (r !== undefined) return r;
      this.pendFd = fd;
      this.pendPos = position;
      this.pendParts.push(bytes);
      this.pendSize = bytes.length;
      exitHooks.add(this.exitHook);
      onProcessExit(this.exitHook);
    }
    if (this.pendSize >= 1 << 16) {
      const r = this.syncWrites();
      if (r !== undefined) return r;
    }
    return true;
  }

  stat(fd: number): HostFileInfo | HostFailure {
    this.syncWrites();
    try {
      const st = fs.fstatSync(fd);
      const seekable = st.isFile() || st.isBlockDevice();
      return { seekable, size: seekable ? st.size : 0 };
    } catch (e) {
      return failure(e);
    }
  }

  close(fd: number): true | HostFailure {
    const r = this.syncWrites();
    this.modes.delete(fd);
    try {
      fs.closeSync(fd);
    } catch (e) {
      return failure(e);
    }
    return r ?? true;
  }

  remove(path: string): true | HostFailure {
    this.syncWrites();
    const p = cPath(path);
    try {
      fs.unlinkSync(p);
      return true;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'EISDIR' && code !== 'EPERM') return failure(e);
      try {
        fs.rmdirSync(p);
        return true;
      } catch (e2) {
        return failure(e2);
      }
    }
  }

  rename(from: string, to: string): true | HostFailure {
    this.syncWrites();
    try {
      fs.renameSync(cPath(from), cPath(to));
      return true;
    } catch (e) {
      return failure(e);
    }
  }

  tmpname(): string | HostFailure {
    const dir = process.platform === 'win32' ? nodeOs().tmpdir() + '\\' : '/tmp/';
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    for (let attempt = 0; attempt < 100; attempt++) {
      let name = dir + 'lua_';
      for (let i = 0; i < 6; i++) name += chars[Math.floor(Math.random() * chars.length)];
      try {
        fs.closeSync(fs.openSync(name, 'wx', 0o600));
        return Buffer.from(name, 'utf8').toString('latin1');
      } catch (e) {
        if ((e as { code?: string }).code !== 'EEXIST') return failure(e);
      }
    }
    return { error: STRERROR.EEXIST, errno: 17 };
  }

  tmpfile(): number | HostFailure {
    const name = this.tmpname();
    if (typeof name !== 'string') return name;
    const fd = this.open(name, 'w+');
    try {
      fs.unlinkSync(cPath(name));
    } catch {
      // Still a usable file; it is only left behind.
    }
    return fd;
  }

  getenv(name: string): string | undefined {
    let v: string | undefined;
    try {
      v = process.env[Buffer.from(name, 'latin1').toString('utf8')];
    } catch {
      // Deno without --allow-env throws on reading process.env (even for LUA_PATH when a
      // state opens `package`): a variable we may not read is unset, as with `fs: false`.
      return undefined;
    }
    return v === undefined ? undefined : Buffer.from(v, 'utf8').toString('latin1');
  }

  clock(): number {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  }

  exit(status: number): never {
    this.syncWrites();
    this.host.flush();
    process.exit(status);
  }

  flushStdout(): void {
    this.host.flush();
  }

  /** Run functions when the process ends (io flushes its own buffers with this). */
  atExit(hook: () => void): void {
    onProcessExit(hook);
  }

  execute(command: string): ExitStatus | HostFailure {
    this.syncWrites();
    this.host.flush();
    const r = childProcess().spawnSync('/bin/sh', ['-c', Buffer.from(command, 'latin1').toString('utf8')], { stdio: 'inherit' });
    return exitStatus(r);
  }

  popen(command: string, mode: 'r' | 'w'): HostPipe | HostFailure {
    this.syncWrites();
    this.host.flush();
    const cmd = Buffer.from(command, 'latin1').toString('utf8');
    if (mode === 'r') {
      const r = childProcess().spawnSync('/bin/sh', ['-c', cmd], { stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: Infinity });
      if (r.error !== undefined && r.status === null && r.signal === null) return failure(r.error);
      const output = r.stdout === null ? '' : (r.stdout as Buffer).toString('latin1');
      let at = 0;
      return {
        read(length: number): string {
          const s = output.slice(at, at + length);
          at += s.length;
          return s;
        },
        write(): HostFailure {
          return { error: STRERROR.EBADF, errno: 9 };
        },
        close: () => exitStatus(r),
      };
    }
    const input: string[] = [];
    return {
      read(): HostFailure {
        return { error: STRERROR.EBADF, errno: 9 };
      },
      write(bytes: string): true {
        input.push(bytes);
        return true;
      },
      close: () => {
        this.syncWrites();
        this.host.flush();
        const r = childProcess().spawnSync('/bin/sh', ['-c', cmd], {
          stdio: ['pipe', 'inherit', 'inherit'],
          input: Buffer.from(input.join(''), 'latin1'),
        });
        return exitStatus(r);
      },
    };
  }
}

/** Write all of `data` at `pos` (null: the descriptor's offset), retrying short writes. */
function writeAt(fd: number, data: string, pos: number | null): HostFailure | undefined {
  const buf = Buffer.from(data, 'latin1');
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off, pos === null ? null : pos + off);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') {
        nap(1);
        continue;
      }
      return failure(e);
    }
  }
  return undefined;
}
