// io.ts — the io library: file handles (userdata "FILE*"), the default input and output files,
// reading formats, writing, seeking, buffering modes, pipes.
//
// A handle is a LuaUserdata whose `data` is an LStream, the equivalent of C's FILE: a host
// descriptor (or pipe, or the standard streams) plus a read buffer, so that `read("l")` on a
// big file is one indexOf per line, not one system call. All access to the operating system
// goes through the HostSystem at `G.io.system` (src/host/host.ts); without one (a browser)
// every operation fails with Lua's usual `nil, message, errno` results.
//
// Invariants:
//   - `pos` is the logical position: the next byte the program reads or writes. Unread bytes
//     `rbuf[rpos..]` start at `pos`; bytes held in `wbuf` end at `pos`. A stream never holds
//     both: reading flushes `wbuf`, writing drops the unread bytes (as C requires a seek
//     between the two, and glibc behaves when there is none).
//   - A stream opened for appending writes at the end whatever `pos` says; after such a write
//     the position is "at end" (`atEnd`), asked from the host when needed.
//   - Writes go straight to the host unless the program asked for "full" or "line" buffering
//     with setvbuf; then they are held here until the buffer fills, a newline comes ("line"),
//     or the stream is flushed, sought, read, closed, or the process ends. The host may gather
//     writes too, but invisibly (host.ts), so default-mode data is visible to every later
//     operation — stricter than C, which nothing correct can tell apart.
//   - Standard output is written through HostIO.stdout, the buffer print uses, so print and
//     io.write never reorder.
//   - `closef` is null once the stream is closed (isclosed in C); standard streams have the
//     "std" closer that refuses to close.
// Cf. liolib.c.

import type { LuaValue } from '../vm/value.js';
import { LuaFloat, LuaUserdata, POS_NAN, isInteger, isNumber, numberToString, stringToNumber, toDouble } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import { NativeFunction } from '../vm/closure.js';
import type { GlobalState, HostIO, LuaThread } from '../vm/state.js';
import { LuaError } from '../vm/errors.js';
import { objectAddress } from '../vm/api.js';
import { formatFloat14 } from '../vm/number-format.js';
import type { ExitStatus, HostFailure, HostPipe, HostSystem, OpenMode } from '../host/host.js';
import { isFailure } from '../host/host.js';
import {
  arg,
  argCount,
  argError,
  checkInteger,
  checkOption,
  checkString,
  isNoneOrNil,
  luaError,
  optInteger,
  optString,
  ret1,
  setFuncs,
  typeError,
} from './aux.js';

// ============================================================================================
// Errors as C reports them
// ============================================================================================

const EBADF: HostFailure = { error: 'Bad file descriptor', errno: 9 };
const EINVAL: HostFailure = { error: 'Invalid argument', errno: 22 };
const ESPIPE: HostFailure = { error: 'Illegal seek', errno: 29 };
/** What a host without a file system answers to everything. */
export const ENOSYS: HostFailure = { error: 'Function not implemented', errno: 38 };

/** luaL_fileresult: `true`, or `nil, "<fname>: <message>", errno`. */
export function fileResult(L: LuaThread, r: true | HostFailure, fname?: string): number {
  if (r === true) return ret1(L, true);
  L.push(undefined);
  L.push(fname !== undefined ? `${fname}: ${r.error}` : r.error);
  L.push(r.errno);
  return 3;
}

/** luaL_execresult: `true|nil, "exit"|"signal", code` for a finished command. */
export function execResult(L: LuaThread, r: ExitStatus | HostFailure): number {
  if (isFailure(r)) return fileResult(L, r);
  L.push(r.what === 'exit' && r.code === 0 ? true : undefined);
  L.push(r.what);
  L.push(r.code);
  return 3;
}

// ============================================================================================
// Streams (C's FILE)
// ============================================================================================

const enum Kind {
  File,
  Stdin,
  Stdout,
  Stderr,
  Pipe,
}

type Closer = 'std' | 'file' | 'pipe';
type VBuf = 'default' | 'no' | 'full' | 'line';

/** Bytes asked from the host per read (C's BUFSIZ is smaller; larger reads are faster here). */
const CHUNK = 1 << 16;
/** LUAL_BUFFERSIZE: setvbuf's default size. */
const LUAL_BUFFERSIZE = 16 * 8 * 8;

export class LStream {
  closef: Closer | null;
  /** Unread bytes are rbuf[rpos..]. */
  rbuf = '';
  rpos = 0;
  /** Logical position (see the header). */
  pos = 0;
  /** Appending stream after a write: the position is the end of the file. */
  atEnd = false;
  /** Whether positions mean anything (regular files); undefined until first asked. */
  seekable: boolean | undefined;
  /** End of file seen since the last clearerr (glibc's EOF flag is sticky). */
  eofSeen = false;
  /** ferror(): the failure of the last failed operation since the last clearerr. */
  err: HostFailure | null = null;
  /** Writes held by "full"/"line" buffering. */
  wbuf: string[] = [];
  wlen = 0;
  vbuf: VBuf = 'default';
  vsize = LUAL_BUFFERSIZE;
  /** The "FILE*" metatable its handle was made with (what luaL_testudata compares). */
  meta: LuaTable | undefined = undefined;

  constructor(
    readonly kind: Kind,
    readonly io: HostIO,
    readonly sys: HostSystem | undefined,
    readonly fd: number,
    readonly canRead: boolean,
    readonly canWrite: boolean,
    readonly append: boolean,
    closef: Closer,
    readonly pipe: HostPipe | null = null,
  ) {
    this.closef = closef;
    if (kind === Kind.Pipe || kind === Kind.Stdout || kind === Kind.Stderr) this.seekable = false;
  }

  // ---- positions ----------------------------------------------------------------------------

  private isSeekable(): boolean {
    if (this.seekable === undefined) {
      const st = this.sys?.stat(this.fd);
      this.seekable = st !== undefined && !isFailure(st) && st.seekable;
    }
    return this.seekable;
  }

  /** The logical position, resolving "at end" through the host. */
  private position(): number {
    if (this.atEnd) {
      this.atEnd = false;
      const st = this.sys?.stat(this.fd);
      this.pos = (st !== undefined && !isFailure(st) ? st.size : this.pos) + this.wlen;
    }
    return this.pos;
  }

  // ---- reading ------------------------------------------------------------------------------

  /** clearerr(). */
  clearErr(): void {
    this.eofSeen = false;
    this.err = null;
  }

  /** Get ready to read: flush held writes; a stream not open for reading fails (EBADF). */
  private startRead(): boolean {
    if (this.err !== null) return false;
    if (!this.canRead) {
      this.err = EBADF;
      return false;
    }
    if (this.wlen > 0) {
      const r = this.flushWrites();
      if (r !== true) {
        this.err = r;
        return false;
      }
    }
    return true;
  }

  /** Raw read of up to n more bytes after the buffered ones. */
  private rawRead(n: number): string | HostFailure {
    switch (this.kind) {
      case Kind.Pipe:
        return this.pipe!.read(n);
      case Kind.Stdout:
      case Kind.Stderr:
        return EBADF;
      case Kind.Stdin:
      case Kind.File: {
        if (this.sys === undefined) {
          if (this.kind === Kind.File) return ENOSYS;
          // No descriptors: what the host can give is all of standard input, once.
          const all = this.pos === 0 && this.rbuf === '' ? this.io.readStdin?.() : undefined;
          return all ?? '';
        }
        const at = this.isSeekable() ? this.position() + (this.rbuf.length - this.rpos) : null;
        return this.sys.read(this.fd, n, at);
      }
    }
  }

  /** Append more bytes to the read buffer; false at end of file or on error. */
  private fill(n = CHUNK): boolean {
    if (this.eofSeen || this.err !== null) return false;
    const r = this.rawRead(n);
    if (typeof r !== 'string') {
      this.err = r;
      return false;
    }
    if (r.length === 0) {
      this.eofSeen = true;
      return false;
    }
    this.rbuf = this.rpos < this.rbuf.length ? this.rbuf.slice(this.rpos) + r : r;
    this.rpos = 0;
    return true;
  }

  /** getc(): the next byte, or -1 at end of file / on error. */
  getc(): number {
    if (this.rpos >= this.rbuf.length && !this.fill()) return -1;
    this.pos++;
    return this.rbuf.charCodeAt(this.rpos++);
  }

  /** ungetc() of the byte the last getc() returned. */
  ungetc(c: number): void {
    if (c < 0) return;
    this.rpos--;
    this.pos--;
  }

  /** test_eof: true when there is at least one more byte. */
  testEof(): boolean {
    if (!this.startRead()) return false;
    return this.rpos < this.rbuf.length || this.fill();
  }

  /** read_line: a line without (chop) or with its '\n'; ok when something was read. */
  readLine(chop: boolean): { s: string; ok: boolean } {
    if (!this.startRead()) return { s: '', ok: false };
    let out = '';
    for (;;) {
      const nl = this.rbuf.indexOf('\n', this.rpos);
      if (nl >= 0) {
        out += this.rbuf.slice(this.rpos, chop ? nl : nl + 1);
        this.pos += nl + 1 - this.rpos;
        this.rpos = nl + 1;
        return { s: out, ok: true };
      }
      out += this.rbuf.slice(this.rpos);
      this.pos += this.rbuf.length - this.rpos;
      this.rpos = this.rbuf.length;
      if (!this.fill()) return { s: out, ok: out.length > 0 };
    }
  }

  /** read_chars: up to n bytes; ok when at least one was read. */
  readChars(n: number): { s: string; ok: boolean } {
    if (!this.startRead()) return { s: '', ok: false };
    const parts: string[] = [];
    let got = 0;
    while (got < n) {
      if (this.rpos >= this.rbuf.length && !this.fill(Math.max(CHUNK, Math.min(n - got, 1 << 24)))) break;
      const take = Math.min(n - got, this.rbuf.length - this.rpos);
      parts.push(this.rbuf.slice(this.rpos, this.rpos + take));
      this.rpos += take;
      this.pos += take;
      got += take;
    }
    return { s: parts.join(''), ok: got > 0 };
  }

  /** read_all: the rest of the file ('' at end of file). */
  readAll(): string {
    if (!this.startRead()) return '';
    const parts: string[] = [this.rbuf.slice(this.rpos)];
    this.pos += this.rbuf.length - this.rpos;
    this.rbuf = '';
    this.rpos = 0;
    let want = CHUNK;
    if (this.kind === Kind.File && this.sys !== undefined && this.isSeekable()) {
      const st = this.sys.stat(this.fd);
      if (!isFailure(st)) want = Math.max(CHUNK, Math.min(st.size - this.position() + 1, 1 << 28));
    }
    while (this.fill(want)) {
      parts.push(this.rbuf);
      this.pos += this.rbuf.length;
      this.rbuf = '';
      this.rpos = 0;
    }
    return parts.join('');
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Write bytes now, bypassing the held buffer. */
  private rawWrite(s: string): true | HostFailure {
    switch (this.kind) {
      case Kind.Stdout:
        this.io.stdout(s);
        return true;
      case Kind.Stderr:
        this.io.stderr(s);
        return true;
      case Kind.Pipe:
        return this.pipe!.write(s);
      case Kind.Stdin:
      case Kind.File: {
        if (this.sys === undefined) return ENOSYS;
        if (this.append) {
          const r = this.sys.write(this.fd, s, null);
          this.atEnd = true;
          return r;
        }
        const at = this.isSeekable() ? this.pos - this.wlen : null;
        return this.sys.write(this.fd, s, at);
      }
    }
  }

  /** fwrite: write (or hold, per the buffering mode) all of `s`. */
  write(s: string): true | HostFailure {
    if (!this.canWrite) return (this.err = EBADF);
    if (this.rbuf.length > 0) {
      // Drop read-ahead: the logical position already excludes it.
      this.rbuf = '';
      this.rpos = 0;
    }
    if (this.kind === Kind.Stdout) {
      this.io.stdout(s);
      if (this.vbuf === 'no' || (this.vbuf === 'line' && s.includes('\n'))) this.io.system?.flushStdout();
      return true;
    }
    if (this.vbuf === 'default' || this.vbuf === 'no') {
      const r = this.rawWrite(s);
      if (r !== true) return (this.err = r);
      if (!this.append) this.pos += s.length;
      return true;
    }
    if (this.append) this.position();
    this.wbuf.push(s);
    this.wlen += s.length;
    this.pos += s.length;
    heldStreams.add(this);
    if (this.wlen >= this.vsize || (this.vbuf === 'line' && s.includes('\n'))) {
      const r = this.flushWrites();
      if (r !== true) return (this.err = r);
    }
    return true;
  }

  /** Write out what "full"/"line" buffering holds. */
  flushWrites(): true | HostFailure {
    if (this.wlen === 0) return true;
    const data = this.wbuf.length === 1 ? this.wbuf[0] : this.wbuf.join('');
    const r = this.rawWrite(data);
    this.wbuf = [];
    this.wlen = 0;
    heldStreams.delete(this);
    return r;
  }

  /** fflush. */
  flush(): true | HostFailure {
    const r = this.flushWrites();
    if (r !== true) return r;
    if (this.kind === Kind.Stdout) this.io.system?.flushStdout();
    return true;
  }

  /** fseek + ftell. */
  seek(whence: number, offset: number): number | HostFailure {
    const r = this.flushWrites();
    if (r !== true) return r;
    if (this.kind === Kind.Stdout) {
      // Standard output is a stream of bytes through the host; a regular file's size is where
      // the next byte goes.
      this.io.system?.flushStdout();
      const st = this.sys?.stat(1);
      if (st === undefined) return ENOSYS;
      if (isFailure(st)) return st;
      if (!st.seekable) return ESPIPE;
      return st.size;
    }
    if (this.kind !== Kind.File && this.kind !== Kind.Stdin) return ESPIPE;
    if (this.sys === undefined) return ENOSYS;
    if (!this.isSeekable()) return ESPIPE;
    let base: number;
    if (whence === 0) base = 0;
    else if (whence === 1) base = this.position();
    else {
      const st = this.sys.stat(this.fd);
      if (isFailure(st)) return st;
      base = st.size;
    }
    const target = base + offset;
    if (target < 0) return EINVAL;
    this.pos = target;
    this.atEnd = false;
    this.rbuf = '';
    this.rpos = 0;
    this.eofSeen = false;
    return target;
  }

  /** setvbuf. */
  setvbuf(mode: VBuf, size: number): true | HostFailure {
    const r = this.flushWrites();
    if (r !== true) return r;
    this.vbuf = mode;
    this.vsize = size > 0 ? size : LUAL_BUFFERSIZE;
    return true;
  }

  /** fclose / pclose, without the Lua results. */
  close(): true | HostFailure | ExitStatus {
    const r = this.flushWrites();
    this.rbuf = '';
    this.rpos = 0;
    if (this.kind === Kind.Pipe) return this.pipe!.close();
    if (this.sys === undefined) return r;
    const c = this.sys.close(this.fd);
    return r !== true ? r : c;
  }
}

/** Streams holding "full"/"line"-buffered writes, flushed at exit as C's exit() does. */
const heldStreams = new Set<LStream>();
let exitHookInstalled = false;

function flushHeldStreams(): void {
  for (const s of [...heldStreams]) s.flushWrites();
}

/** Open handles whose userdata became garbage: close them (what __gc would do). */
const collector =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<LStream>((s) => {
        if (s.closef === 'file' || s.closef === 'pipe') {
          s.closef = null;
          s.close();
        }
      })
    : undefined;

// ============================================================================================
// Handles (userdata with the "FILE*" metatable)
// ============================================================================================

const IO_INPUT = '_IO_input';
const IO_OUTPUT = '_IO_output';
const FILEHANDLE = 'FILE*';

function fileMeta(G: GlobalState): LuaTable | undefined {
  const mt = G.registry.getStr(FILEHANDLE);
  return mt instanceof LuaTable ? mt : undefined;
}

/** A new handle for stream `s` (newfile). */
function newFile(L: LuaThread, s: LStream): LuaUserdata {
  const ud = new LuaUserdata(s);
  const mt = fileMeta(L.global);
  ud.metatable = mt;
  s.meta = mt;
  // Handles have __gc: the collector closes the ones the program drops (gc.ts). The standard
  // streams are never closed that way (and never unreachable: the registry holds them), so
  // they are not tracked; tracking them would make every VM run automatic collections.
  if (mt !== undefined && s.closef !== 'std') L.global.gc?.noteMetatable(ud, mt);
  if (s.closef === 'file' || s.closef === 'pipe') collector?.register(ud, s, s);
  return ud;
}

/** The stream of a handle value, if it is one (luaL_testudata). */
function testFile(L: LuaThread, v: LuaValue): LStream | undefined {
  if (!(v instanceof LuaUserdata)) return undefined;
  const s = v.data;
  // Fast path: a handle made here still carrying its metatable.
  if (s instanceof LStream && v.metatable === s.meta && s.meta !== undefined) return s;
  if (v.metatable !== undefined && v.metatable === fileMeta(L.global) && s instanceof LStream) return s;
  return undefined;
}

/** tolstream: argument i must be a handle (open or closed). */
function toLStream(L: LuaThread, i: number): LStream {
  const s = testFile(L, arg(L, i));
  if (s === undefined) typeError(L, i, FILEHANDLE);
  return s;
}

/** tofile: argument i must be an open handle. */
function toFile(L: LuaThread, i: number): LStream {
  const s = toLStream(L, i);
  if (s.closef === null) luaError(L, 'attempt to use a closed file');
  return s;
}

/** l_checkmode: [rwa] then an optional '+' then only 'b's. */
function checkMode(mode: string): OpenMode | undefined {
  const nul = mode.indexOf('\0');
  if (nul >= 0) mode = mode.slice(0, nul);
  const m = /^([rwa])(\+?)(b*)$/.exec(mode);
  return m === null ? undefined : ((m[1] + m[2]) as OpenMode);
}

/** fopen for a new stream; a HostFailure when the host says no. */
function openStream(G: GlobalState, path: string, mode: OpenMode): LStream | HostFailure {
  const sys = G.io.system;
  if (sys === undefined) return ENOSYS;
  const fd = sys.open(path, mode);
  if (isFailure(fd)) return fd;
  return fdStream(G, sys, fd, mode);
}

function fdStream(G: GlobalState, sys: HostSystem, fd: number, mode: OpenMode): LStream {
  const s = new LStream(Kind.File, G.io, sys, fd, mode[0] === 'r' || mode.endsWith('+'), mode !== 'r', mode[0] === 'a', 'file');
  // glibc starts a write-only appending stream at the end, an "a+" one at the start.
  if (mode === 'a') s.atEnd = true;
  return s;
}

/** opencheckfile: open or raise "cannot open file 'name' (reason)". */
function openCheckFile(L: LuaThread, fname: string, mode: OpenMode): LuaUserdata {
  const s = openStream(L.global, fname, mode);
  if (isFailure(s)) luaError(L, `cannot open file '${fname}' (${s.error})`);
  return newFile(L, s);
}

/** getiofile: the default input or output stream, which must be open. */
function getIoFile(L: LuaThread, key: typeof IO_INPUT | typeof IO_OUTPUT): [LuaValue, LStream] {
  const v = L.global.registry.getStr(key);
  const s = testFile(L, v);
  if (s === undefined || s.closef === null) luaError(L, `default ${key.slice(4)} file is closed`);
  return [v, s];
}

// ============================================================================================
// Closing
// ============================================================================================

/** aux_close: run the stream's closer and push its results. */
function auxClose(L: LuaThread, s: LStream): number {
  const closer = s.closef;
  s.closef = null;
  collector?.unregister(s);
  switch (closer) {
    case 'std':
      s.closef = 'std';
      L.push(undefined);
      L.push('cannot close standard file');
      return 2;
    case 'pipe':
      return execResult(L, s.close() as ExitStatus | HostFailure);
    default: {
      const r = s.close();
      return fileResult(L, isFailure(r) ? r : true);
    }
  }
}

function f_close(L: LuaThread): number {
  const s = toFile(L, 1);
  return auxClose(L, s);
}

function io_close(L: LuaThread): number {
  if (argCount(L) === 0) {
    const out = L.global.registry.getStr(IO_OUTPUT);
    L.push(out);
    const s = testFile(L, out);
    if (s === undefined) typeError(L, 1, FILEHANDLE);
    if (s.closef === null) luaError(L, 'attempt to use a closed file');
    return auxClose(L, s);
  }
  return f_close(L);
}

/** __gc and __close: close an open handle, quietly. */
function f_gc(L: LuaThread): number {
  const s = toLStream(L, 1);
  if (s.closef !== null) {
    const top = L.top;
    auxClose(L, s);
    L.top = top;
  }
  return 0;
}

function f_tostring(L: LuaThread): number {
  const s = toLStream(L, 1);
  return ret1(L, s.closef === null ? 'file (closed)' : `file (${objectAddress(s)})`);
}

// ============================================================================================
// Opening
// ============================================================================================

function io_open(L: LuaThread): number {
  const filename = checkString(L, 1);
  const mode = optString(L, 2, 'r');
  const m = checkMode(mode);
  if (m === undefined) argError(L, 2, 'invalid mode');
  const s = openStream(L.global, filename, m);
  if (isFailure(s)) return fileResult(L, s, filename);
  return ret1(L, newFile(L, s));
}

function io_popen(L: LuaThread): number {
  const command = checkString(L, 1);
  const mode = optString(L, 2, 'r');
  if (mode !== 'r' && mode !== 'w') argError(L, 2, 'invalid mode');
  const sys = L.global.io.system;
  if (sys?.popen === undefined) luaError(L, "'popen' not supported");
  const p = sys.popen(command, mode);
  if (isFailure(p)) return fileResult(L, p, command);
  const s = new LStream(Kind.Pipe, L.global.io, sys, -1, mode === 'r', mode === 'w', false, 'pipe', p);
  return ret1(L, newFile(L, s));
}

function io_tmpfile(L: LuaThread): number {
  const sys = L.global.io.system;
  const fd = sys === undefined ? ENOSYS : sys.tmpfile();
  if (isFailure(fd)) return fileResult(L, fd);
  return ret1(L, newFile(L, fdStream(L.global, sys!, fd, 'w+')));
}

function io_type(L: LuaThread): number {
  if (argCount(L) < 1) argError(L, 1, 'value expected');
  const s = testFile(L, arg(L, 1));
  if (s === undefined) return ret1(L, undefined);
  return ret1(L, s.closef === null ? 'closed file' : 'file');
}

/** io.input / io.output: set the default file from a name or a handle, return it. */
function gIoFile(L: LuaThread, key: typeof IO_INPUT | typeof IO_OUTPUT, mode: OpenMode): number {
  const R = L.global.registry;
  if (!isNoneOrNil(L, 1)) {
    const v = arg(L, 1);
    if (typeof v === 'string' || isNumber(v)) R.setStr(key, openCheckFile(L, checkString(L, 1), mode));
    else {
      toFile(L, 1);
      R.setStr(key, v);
    }
  }
  return ret1(L, R.getStr(key));
}

function io_input(L: LuaThread): number {
  return gIoFile(L, IO_INPUT, 'r');
}

function io_output(L: LuaThread): number {
  return gIoFile(L, IO_OUTPUT, 'w');
}

// ============================================================================================
// Reading
// ============================================================================================

const L_MAXLENNUM = 200;

function isSpaceC(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigitC(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isXDigitC(c: number): boolean {
  return isDigitC(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * read_number: read the longest prefix that can start a numeral (at most 200 characters, as
 * l_getn does), then convert it; a prefix that is not a numeral reads as failure.
 */
function readNumber(s: LStream): LuaValue {
  let buff = '';
  let c = 0;
  let overflow = false;
  const nextc = (): boolean => {
    if (buff.length >= L_MAXLENNUM) {
      overflow = true;
      return false;
    }
    buff += String.fromCharCode(c);
    c = s.getc();
    return true;
  };
  const test2 = (a: string, b: string): boolean => (c === a.charCodeAt(0) || c === b.charCodeAt(0) ? nextc() : false);
  const readDigits = (hex: boolean): number => {
    let n = 0;
    while ((hex ? isXDigitC(c) : isDigitC(c)) && nextc()) n++;
    return n;
  };
  let count = 0;
  let hex = false;
  do c = s.getc();
  while (isSpaceC(c));
  test2('-', '+');
  if (test2('0', '0')) {
    if (test2('x', 'X')) hex = true;
    else count = 1;
  }
  count += readDigits(hex);
  if (test2('.', '.')) count += readDigits(hex);
  if (count > 0 && (hex ? test2('p', 'P') : test2('e', 'E'))) {
    test2('-', '+');
    readDigits(false);
  }
  s.ungetc(c);
  if (overflow) return undefined;
  return stringToNumber(buff);
}

/**
 * g_read: read with the formats at argument positions first.. of the running native (the
 * formats must be its arguments: errors name them by position). Pushes the results and
 * returns their count; a failed format ends the list with nil.
 */
function gRead(L: LuaThread, s: LStream, first: number): number {
  const nargs = argCount(L) - first + 1;
  s.clearErr();
  let n = 0;
  let success = true;
  if (nargs <= 0) {
    const r = s.readLine(true);
    L.push(r.s);
    success = r.ok;
    n = 1;
  } else {
    for (let i = first; i < first + nargs && success; i++, n++) {
      const f = arg(L, i);
      if (isNumber(f)) {
        const l = checkInteger(L, i);
        if (l === 0) {
          L.push('');
          success = s.testEof();
        } else {
          if (l < 0 || l > 2 ** 32) throw new LuaError('not enough memory');
          const r = s.readChars(Number(l));
          L.push(r.s);
          success = r.ok;
        }
        continue;
      }
      let p = checkString(L, i);
      if (p.charCodeAt(0) === 42 /* * */) p = p.slice(1);
      switch (p[0]) {
        case 'n': {
          const v = readNumber(s);
          L.push(v);
          success = v !== undefined;
          break;
        }
        case 'l':
        case 'L': {
          const r = s.readLine(p[0] === 'l');
          L.push(r.s);
          success = r.ok;
          break;
        }
        case 'a':
          L.push(s.readAll());
          success = true;
          break;
        default:
          argError(L, i, 'invalid format');
      }
    }
  }
  if (s.err !== null) return fileResult(L, s.err);
  if (!success) {
    L.top--;
    L.push(undefined);
  }
  return n;
}

function io_read(L: LuaThread): number {
  const [, s] = getIoFile(L, IO_INPUT);
  return gRead(L, s, 1);
}

function f_read(L: LuaThread): number {
  return gRead(L, toFile(L, 1), 2);
}

// ============================================================================================
// Lines
// ============================================================================================

/** MAXARGLINE: formats one lines iterator may carry. */
const MAXARGLINE = 250;

/** aux_lines: the iterator over `file` reading the formats at arguments 2.. of this call. */
function auxLines(L: LuaThread, file: LuaValue, toclose: boolean): NativeFunction {
  const n = argCount(L) - 1;
  if (n > MAXARGLINE) argError(L, MAXARGLINE + 2, 'too many arguments');
  const formats: LuaValue[] = [];
  for (let i = 2; i <= n + 1; i++) formats.push(arg(L, i));
  const s = testFile(L, file)!;
  const it = new NativeFunction('?', (L2) => io_readline(L2, s, formats, toclose));
  it.refs = [file]; // the iterator keeps its file alive, as C's upvalue does
  return it;
}

/** The lines iterator: g_read with the saved formats, as arguments 2.. like C's settop. */
function io_readline(L: LuaThread, s: LStream, formats: LuaValue[], toclose: boolean): number {
  if (s.closef === null) luaError(L, 'file is already closed');
  const ci = L.ci;
  const base = ci.func + 1;
  L.ensureStack(base + formats.length + 1 + 20);
  if (ci.nargs < 1) L.stack[base] = undefined;
  for (let i = 0; i < formats.length; i++) L.stack[base + 1 + i] = formats[i];
  ci.nargs = 1 + formats.length;
  L.top = base + 1 + formats.length;
  const n = gRead(L, s, 2);
  const firstResult = L.stack[L.top - n];
  if (firstResult !== undefined && firstResult !== false) return n;
  if (n > 1) {
    // Error information: the message is the second result.
    luaError(L, String(L.stack[L.top - n + 1]));
  }
  if (toclose) {
    L.top = base;
    auxClose(L, s);
  }
  L.top = base;
  return 0;
}

function f_lines(L: LuaThread): number {
  toFile(L, 1);
  return ret1(L, auxLines(L, arg(L, 1), false));
}

function io_lines(L: LuaThread): number {
  let file: LuaValue;
  let toclose: boolean;
  if (isNoneOrNil(L, 1)) {
    file = L.global.registry.getStr(IO_INPUT);
    const s = testFile(L, file);
    if (s === undefined) typeError(L, 1, FILEHANDLE);
    if (s.closef === null) luaError(L, 'attempt to use a closed file');
    toclose = false;
  } else {
    file = openCheckFile(L, checkString(L, 1), 'r');
    toclose = true;
  }
  const it = auxLines(L, file, toclose);
  if (!toclose) return ret1(L, it);
  L.push(it);
  L.push(undefined);
  L.push(undefined);
  L.push(file);
  return 4;
}

// ============================================================================================
// Writing
// ============================================================================================

/** A number as fprintf writes it: "%d" for integers, "%.14g" for floats. */
function numberText(v: number | bigint | LuaFloat): string {
  if (isInteger(v)) return numberToString(v);
  const x = toDouble(v);
  if (x !== x) return v === POS_NAN ? 'nan' : '-nan';
  return formatFloat14(x);
}

/** g_write: write arguments first.. of the running native; `file` is the result. */
function gWrite(L: LuaThread, s: LStream, first: number, file: LuaValue): number {
  const nargs = argCount(L);
  let failure: HostFailure | null = null;
  for (let i = first; i <= nargs; i++) {
    const v = arg(L, i);
    const text = isNumber(v) ? numberText(v) : checkString(L, i);
    if (failure === null) {
      const r = s.write(text);
      if (r !== true) failure = r;
    }
  }
  if (failure === null) return ret1(L, file);
  return fileResult(L, failure);
}

function io_write(L: LuaThread): number {
  const [file, s] = getIoFile(L, IO_OUTPUT);
  return gWrite(L, s, 1, file);
}

function f_write(L: LuaThread): number {
  const s = toFile(L, 1);
  return gWrite(L, s, 2, arg(L, 1));
}

// ============================================================================================
// Seeking, buffering, flushing
// ============================================================================================

const SEEK_MODES = ['set', 'cur', 'end'] as const;
const VBUF_MODES = ['no', 'full', 'line'] as const;

function f_seek(L: LuaThread): number {
  const s = toFile(L, 1);
  const op = checkOption(L, 2, 'cur', SEEK_MODES);
  const offset = optInteger(L, 3, 0);
  const r = s.seek(op, Number(offset));
  if (typeof r !== 'number') return fileResult(L, r);
  return ret1(L, r);
}

function f_setvbuf(L: LuaThread): number {
  const s = toFile(L, 1);
  const op = checkOption(L, 2, undefined, VBUF_MODES);
  const size = optInteger(L, 3, LUAL_BUFFERSIZE);
  return fileResult(L, s.setvbuf(VBUF_MODES[op], Number(size)));
}

function io_flush(L: LuaThread): number {
  const [, s] = getIoFile(L, IO_OUTPUT);
  return fileResult(L, s.flush());
}

function f_flush(L: LuaThread): number {
  return fileResult(L, toFile(L, 1).flush());
}

// ============================================================================================
// Registration
// ============================================================================================

export function openIo(L: LuaThread): LuaTable {
  const G = L.global;
  const io = G.io;
  const sys = io.system;
  const lib = new LuaTable();
  setFuncs(lib, {
    close: io_close,
    flush: io_flush,
    input: io_input,
    lines: io_lines,
    open: io_open,
    output: io_output,
    popen: io_popen,
    read: io_read,
    tmpfile: io_tmpfile,
    type: io_type,
    write: io_write,
  });

  // The handle metatable (luaL_newmetatable "FILE*"): methods through __index.
  const meta = new LuaTable();
  setFuncs(meta, { __gc: f_gc, __close: f_gc, __tostring: f_tostring });
  const methods = new LuaTable();
  setFuncs(methods, {
    read: f_read,
    write: f_write,
    lines: f_lines,
    flush: f_flush,
    seek: f_seek,
    close: f_close,
    setvbuf: f_setvbuf,
  });
  meta.setStr('__index', methods);
  meta.setStr('__name', FILEHANDLE);
  G.registry.setStr(FILEHANDLE, meta);

  const stdin = newFile(L, new LStream(Kind.Stdin, io, sys, 0, true, false, false, 'std'));
  const stdout = newFile(L, new LStream(Kind.Stdout, io, sys, 1, false, true, false, 'std'));
  const stderr = newFile(L, new LStream(Kind.Stderr, io, sys, 2, false, true, false, 'std'));
  lib.setStr('stdin', stdin);
  lib.setStr('stdout', stdout);
  lib.setStr('stderr', stderr);
  G.registry.setStr(IO_INPUT, stdin);
  G.registry.setStr(IO_OUTPUT, stdout);

  if (!exitHookInstalled && sys?.atExit !== undefined) {
    exitHookInstalled = true;
    sys.atExit(flushHeldStreams);
  }
  return lib;
}

/** Flush every stream holding buffered writes (os.exit, before the process ends). */
export function flushAllStreams(): void {
  flushHeldStreams();
}
