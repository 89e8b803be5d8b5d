// host.ts — what the io, os and package libraries need from their host: file descriptors,
// file-system operations, the environment, clocks, processes.
//
// The libraries in src/stdlib never touch node:* (GUIDE §1); they reach the operating system
// only through a HostSystem found at `G.io.system` (an optional member of HostIO). A host
// without a file system (a browser) simply leaves it out, and every io/os function then fails
// the way Lua fails on a system without the feature (nil, message, errno; "'popen' not
// supported"), never with a JS exception.
//
// Conventions shared by every member:
//   - Paths and data are Lua byte strings (one JS char per byte); the host converts them.
//   - A failure is a HostFailure: the C library's strerror() text and errno number, which the
//     libraries turn into Lua's `nil, "<name>: <message>", errno` results (luaL_fileresult).
//   - Descriptors are small integers owned by the caller until it closes them. 0, 1 and 2 are
//     the standard streams; standard output also goes through HostIO.stdout so that print and
//     io.write share one buffer and keep their order.
//   - Everything is synchronous: Lua's io is a blocking API, and natives must not return
//     promises for it in a synchronous run.
//
// Invariant for hosts that buffer writes (Node does): a buffered write must be visible to any
// later operation of the same host (read, open, stat, remove, rename, a child process, exit),
// so the libraries can treat every write as done. Cf. liolib.c, loslib.c, loadlib.c for what
// the C library provides them.

/** A failed operation as C reports it: strerror() text and the errno value. */
export interface HostFailure {
  error: string;
  errno: number;
}

/** fopen's modes without the 'b' (which means nothing on POSIX hosts). */
export type OpenMode = 'r' | 'w' | 'a' | 'r+' | 'w+' | 'a+';

/** How a child process ended (what luaL_execresult reports). */
export interface ExitStatus {
  /** 'exit' for a normal exit, 'signal' when a signal killed it. */
  what: 'exit' | 'signal';
  /** The exit status or the signal number. */
  code: number;
}

/** A pipe to or from a child process (io.popen). */
export interface HostPipe {
  /** Read up to `length` bytes of the command's output; '' at end. ("r" pipes) */
  read(length: number): string | HostFailure;
  /** Send bytes to the command's input. ("w" pipes) */
  write(bytes: string): true | HostFailure;
  /** Wait for the command and report how it ended (pclose). */
  close(): ExitStatus | HostFailure;
}

export interface HostFileInfo {
  /** A regular file: positions and sizes mean something, seeks work. */
  seekable: boolean;
  /** Current size in bytes (0 when not seekable). */
  size: number;
}

/** File descriptors and the file system. */
export interface HostFS {
  /** fopen: open `path` with C's semantics for `mode`; returns a descriptor. */
  open(path: string, mode: OpenMode): number | HostFailure;
  /**
   * Read up to `length` bytes at byte offset `position` (null: at the descriptor's own offset,
   * for pipes and terminals). Returns '' at end of file.
   */
  read(fd: number, length: number, position: number | null): string | HostFailure;
  /** Write all of `bytes` at `position` (null: at the descriptor's own offset or, opened for
   * appending, at the end). */
  write(fd: number, bytes: string, position: number | null): true | HostFailure;
  /** What kind of file a descriptor refers to, and its size. */
  stat(fd: number): HostFileInfo | HostFailure;
  close(fd: number): true | HostFailure;
  /** C's remove(): files and empty directories. */
  remove(path: string): true | HostFailure;
  rename(from: string, to: string): true | HostFailure;
  /** A fresh temporary file name; the file is created empty (mkstemp), as lua5.4 does. */
  tmpname(): string | HostFailure;
  /** An anonymous temporary file opened "w+" that disappears when closed (tmpfile()). */
  tmpfile(): number | HostFailure;
}

/** The process and its environment. */
export interface HostOS {
  /** getenv(); undefined when unset. */
  getenv(name: string): string | undefined;
  /** CPU time used by the process, in seconds (C's clock()/CLOCKS_PER_SEC). */
  clock(): number;
  /** Flush everything buffered (standard output, pending writes) and end the process. */
  exit(status: number): never;
  /** Make standard output's buffered bytes visible now (fflush(stdout)). */
  flushStdout(): void;
  /** Run `hook` when the process ends, normally or through exit() (C's atexit). */
  atExit?(hook: () => void): void;
  /** system(): run a shell command; undefined when there is no shell. */
  execute?(command: string): ExitStatus | HostFailure;
  /** popen(): start a shell command with a pipe to ("w") or from ("r") it. */
  popen?(command: string, mode: 'r' | 'w'): HostPipe | HostFailure;
}

export interface HostSystem extends HostFS, HostOS {}

/** True when `v` is a HostFailure (every member returns one on failure). */
export function isFailure(v: unknown): v is HostFailure {
  return typeof v === 'object' && v !== null && 'errno' in v && 'error' in v;
}
