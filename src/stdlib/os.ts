// os.ts — the os library: dates and times, the environment, files by name, processes.
//
// Calendar arithmetic is done here, not with JS Date: Lua's dates reach far beyond Date's
// ±275,760 years (os.date("%Y", 2^40), os.time{year = 2^31 + 1899}), and C's mktime
// normalises any out-of-range field (month 14, second -3602). So gmtime and timegm are the
// days-from-civil algorithms on integers, and Date is asked only one question: the local
// time zone's offset from UTC at an instant (clamped into Date's range), which is what the
// machine's TZ says, as it is for lua5.4. strftime is glibc's in the "C" locale, conversion
// by conversion (checked against lua5.4 on Debian's glibc 2.36), including the E and O
// modifiers 5.4 accepts (LUA_STRFTIMEOPTIONS), which change nothing in that locale.
//
// Files, processes, the environment and CPU time come from the HostSystem (src/host/host.ts);
// without one, getenv answers nil, remove/rename fail with ENOSYS, and exit raises an error.
// Cf. loslib.c.

import type { LuaValue } from '../vm/value.js';
import { mkFloat, toInteger, truthy } from '../vm/value.js';
import { LuaTable } from '../vm/table.js';
import type { LuaThread } from '../vm/state.js';
import { index, setIndex } from '../vm/api.js';
import { isFailure } from '../host/host.js';
import {
  arg,
  argError,
  checkInteger,
  checkOption,
  checkString,
  checkTable,
  isNoneOrNil,
  luaError,
  newLib,
  optInteger,
  optString,
  ret1,
} from './aux.js';
import { ENOSYS, execResult, fileResult, flushAllStreams } from './io.js';

// ============================================================================================
// Broken-down time (struct tm)
// ============================================================================================

interface Tm {
  sec: number;
  min: number;
  hour: number;
  mday: number;
  /** 0..11 */
  mon: number;
  /** The full year (C's tm_year + 1900). */
  year: number;
  /** 0..6, Sunday = 0 */
  wday: number;
  /** 0..365 */
  yday: number;
  isdst: boolean;
  /** Seconds east of UTC. */
  gmtoff: number;
  zone: string;
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** Days from 1970-01-01 to year-month-day of the proleptic Gregorian calendar (m 1..12). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of daysFromCivil): [year, month 1..12, day]. */
function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** gmtime of `t` shifted by `offset` seconds; undefined when the year does not fit an int. */
function breakDown(t: bigint, offset: number): Tm | undefined {
  const local = t + BigInt(offset);
  let days = local / 86400n;
  let secs = local % 86400n;
  if (secs < 0n) {
    secs += 86400n;
    days -= 1n;
  }
  // A year beyond C's int cannot be represented (glibc's EOVERFLOW).
  if (days > 800_000_000_000n || days < -800_000_000_000n) return undefined;
  const z = Number(days);
  const [year, month, mday] = civilFromDays(z);
  if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) return undefined;
  const s = Number(secs);
  return {
    sec: s % 60,
    min: Math.floor(s / 60) % 60,
    hour: Math.floor(s / 3600),
    mday,
    mon: month - 1,
    year,
    wday: (((z + 4) % 7) + 7) % 7,
    yday: z - daysFromCivil(year, 1, 1),
    isdst: false,
    gmtoff: offset,
    zone: 'GMT',
  };
}

// ---- the local time zone (from the JS engine, which follows the machine's TZ) --------------

const MAX_DATE_MS = 8.64e15;

/** Seconds east of UTC of local time at instant `t` (seconds since the epoch). */
function localOffset(t: bigint): number {
  let ms = Number(t) * 1000;
  if (ms > MAX_DATE_MS) ms = MAX_DATE_MS;
  else if (ms < -MAX_DATE_MS) ms = -MAX_DATE_MS;
  ms -= ms % 1000;
  // The local fields carry the offset to the second (getTimezoneOffset rounds to minutes,
  // which loses local mean time's seconds).
  const d = new Date(ms);
  const u = new Date(0);
  u.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
  u.setUTCHours(d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
  const off = (u.getTime() - ms) / 1000;
  return off === off ? off : 0;
}

/** The standard and daylight-saving offsets of the year containing instant `t`. */
function yearOffsets(t: bigint): [number, number] {
  const year = new Date(Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, Number(t) * 1000))).getUTCFullYear();
  const jan = localOffset(BigInt(Math.floor(Date.UTC(year, 0, 1) / 1000)));
  const jul = localOffset(BigInt(Math.floor(Date.UTC(year, 6, 1) / 1000)));
  return [Math.min(jan, jul), Math.max(jan, jul)];
}

/** Formatters whose short zone names cover the common zones (en-US: EST; en-GB: CET...). */
let zoneFormatters: Intl.DateTimeFormat[] | undefined;

/** The engine's abbreviation of the zone at `ms`, if it has a real one (not "GMT+1"). */
function engineZoneName(ms: number): string | undefined {
  if (zoneFormatters === undefined) {
    zoneFormatters = [];
    for (const locale of ['en-US', 'en-GB', 'en-AU', 'en-IN']) {
      try {
        zoneFormatters.push(new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }));
      } catch {
        // No Intl, or not this locale: fewer names.
      }
    }
  }
  const d = new Date(Math.max(-MAX_DATE_MS, Math.min(MAX_DATE_MS, ms)));
  for (const f of zoneFormatters) {
    const name = f.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
    if (name === undefined) continue;
    if (name === 'GMT' || name === 'UTC' || !/^(GMT|UTC)[+-]/.test(name)) return name;
    // Local mean time, before standard zones, has an offset with seconds; tzdata calls it LMT.
    if (/^GMT[+-]\d+:\d\d:\d\d$/.test(name)) return 'LMT';
  }
  return undefined;
}

/** The zone abbreviation at instant `t` ("UTC", "EST", "CEST"; "GMT+9" where the engine has none). */
function zoneName(t: bigint, offset: number): string {
  const name = engineZoneName(Number(t) * 1000);
  if (name !== undefined) return name;
  // ICU has no abbreviation at that date for some zones (before 1970): borrow this year's,
  // when one of its seasons has the same offset.
  const year = new Date().getUTCFullYear();
  for (const ms of [Date.UTC(year, 0, 1), Date.UTC(year, 6, 1)]) {
    if (localOffset(BigInt(ms / 1000)) !== offset) continue;
    const other = engineZoneName(ms);
    if (other !== undefined) return other;
  }
  const abs = Math.abs(offset);
  const hm = abs % 3600 === 0 ? String(abs / 3600) : `${Math.floor(abs / 3600)}:${pad(Math.floor(abs / 60) % 60, 2)}`;
  return offset === 0 ? 'UTC' : `GMT${offset > 0 ? '+' : '-'}${hm}`;
}

function gmtime(t: bigint): Tm | undefined {
  return breakDown(t, 0);
}

function localtime(t: bigint): Tm | undefined {
  const offset = localOffset(t);
  const tm = breakDown(t, offset);
  if (tm === undefined) return undefined;
  const [std, dst] = yearOffsets(t);
  tm.isdst = std !== dst && offset === dst;
  tm.zone = zoneName(t, offset);
  return tm;
}

/**
 * mktime: the instant of local date fields (any values: they normalise, month 13 is January
 * of the next year), honouring an isdst hint (-1: unknown) as glibc does. Undefined when the
 * result cannot be represented.
 */
function mktime(year: number, mon: number, mday: number, hour: number, min: number, sec: number, isdst: number): bigint | undefined {
  const y = year + Math.floor(mon / 12);
  const m = ((mon % 12) + 12) % 12;
  const days = BigInt(daysFromCivil(y, m + 1, 1)) + BigInt(mday - 1);
  const wall = days * 86400n + BigInt(hour) * 3600n + BigInt(min) * 60n + BigInt(sec);
  let off = localOffset(wall);
  off = localOffset(wall - BigInt(off));
  if (isdst >= 0) {
    // A hint that contradicts the zone: use the offset of the season asked for; a zone with
    // no daylight saving at all gets glibc's guess of one hour ahead.
    const [std, dst] = yearOffsets(wall);
    if (std !== dst) off = isdst > 0 ? dst : std;
    else if (isdst > 0) off = std + 3600;
  }
  const t = wall - BigInt(off);
  if (t > 0x7fffffffffffffffn || t < -0x8000000000000000n) return undefined;
  return t;
}

// ============================================================================================
// strftime (glibc, "C" locale)
// ============================================================================================

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad(n: number, width: number, fill = '0'): string {
  const neg = n < 0;
  let s = String(Math.abs(n));
  while (s.length < width) s = fill + s;
  return neg ? '-' + s : s;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** glibc's iso_week_days: days since the Monday starting the ISO week-based year. */
function isoWeekDays(yday: number, wday: number): number {
  const big = (Math.floor(366 / 7) + 2) * 7;
  return yday - ((yday - wday + 4 + big) % 7) + 4 - 1;
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: Tm): [number, number] {
  let year = tm.year;
  let days = isoWeekDays(tm.yday, tm.wday);
  if (days < 0) {
    year--;
    days = isoWeekDays(tm.yday + (isLeap(year) ? 366 : 365), tm.wday);
  } else {
    const d = isoWeekDays(tm.yday - (isLeap(year) ? 366 : 365), tm.wday);
    if (d >= 0) {
      year++;
      days = d;
    }
  }
  return [year, Math.floor(days / 7) + 1];
}

/** One conversion (without its '%' and E/O modifier). */
function strftime1(c: string, tm: Tm): string {
  switch (c) {
    case 'a':
      return DAYS[tm.wday].slice(0, 3);
    case 'A':
      return DAYS[tm.wday];
    case 'b':
    case 'h':
      return MONTHS[tm.mon].slice(0, 3);
    case 'B':
      return MONTHS[tm.mon];
    case 'c':
      return `${strftime1('a', tm)} ${strftime1('b', tm)} ${strftime1('e', tm)} ${strftime1('T', tm)} ${tm.year}`;
    case 'C':
      return String(Math.floor(tm.year / 100));
    case 'd':
      return pad(tm.mday, 2);
    case 'D':
    case 'x':
      return `${pad(tm.mon + 1, 2)}/${pad(tm.mday, 2)}/${pad(mod(tm.year, 100), 2)}`;
    case 'e':
      return pad(tm.mday, 2, ' ');
    case 'F':
      return `${tm.year}-${pad(tm.mon + 1, 2)}-${pad(tm.mday, 2)}`;
    case 'g':
      return pad(mod(isoWeek(tm)[0], 100), 2);
    case 'G':
      return String(isoWeek(tm)[0]);
    case 'H':
      return pad(tm.hour, 2);
    case 'I':
      return pad(tm.hour % 12 === 0 ? 12 : tm.hour % 12, 2);
    case 'j':
      return pad(tm.yday + 1, 3);
    case 'm':
      return pad(tm.mon + 1, 2);
    case 'M':
      return pad(tm.min, 2);
    case 'n':
      return '\n';
    case 'p':
      return tm.hour < 12 ? 'AM' : 'PM';
    case 'r':
      return `${strftime1('I', tm)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)} ${strftime1('p', tm)}`;
    case 'R':
      return `${pad(tm.hour, 2)}:${pad(tm.min, 2)}`;
    case 'S':
      return pad(tm.sec, 2);
    case 't':
      return '\t';
    case 'T':
    case 'X':
      return `${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${pad(tm.sec, 2)}`;
    case 'u':
      return String(tm.wday === 0 ? 7 : tm.wday);
    case 'U':
      return pad(Math.floor((tm.yday - tm.wday + 7) / 7), 2);
    case 'V':
      return pad(isoWeek(tm)[1], 2);
    case 'w':
      return String(tm.wday);
    case 'W':
      return pad(Math.floor((tm.yday - ((tm.wday + 6) % 7) + 7) / 7), 2);
    case 'y':
      return pad(mod(tm.year, 100), 2);
    case 'Y':
      return String(tm.year);
    case 'z': {
      const off = Math.abs(tm.gmtoff);
      return `${tm.gmtoff < 0 ? '-' : '+'}${pad(Math.floor(off / 3600), 2)}${pad(Math.floor(off / 60) % 60, 2)}`;
    }
    case 'Z':
      return tm.zone;
    case '%':
      return '%';
  }
  return '';
}

/** LUA_STRFTIMEOPTIONS (C99 and POSIX): one-character conversions, then two-character ones. */
const OPTIONS1 = 'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%';
const OPTIONS2 = ['Ec', 'EC', 'Ex', 'EX', 'Ey', 'EY', 'Od', 'Oe', 'OH', 'OI', 'Om', 'OM', 'OS', 'Ou', 'OU', 'OV', 'Ow', 'OW', 'Oy'];

function formatDate(L: LuaThread, fmt: string, from: number, tm: Tm): string {
  const out: string[] = [];
  let i = from;
  const n = fmt.length;
  while (i < n) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out.push(fmt.slice(i));
      break;
    }
    out.push(fmt.slice(i, pct));
    i = pct + 1;
    const c = fmt[i];
    if (c !== undefined && OPTIONS1.includes(c)) {
      out.push(strftime1(c, tm));
      i++;
    } else if (i + 1 < n && OPTIONS2.includes(fmt.slice(i, i + 2))) {
      out.push(strftime1(fmt[i + 1], tm));
      i += 2;
    } else {
      // The message quotes the rest of the format, up to a NUL as C's %s would.
      let rest = fmt.slice(i);
      const nul = rest.indexOf('\0');
      if (nul >= 0) rest = rest.slice(0, nul);
      argError(L, 1, `invalid conversion specifier '%${rest}'`);
    }
  }
  return out.join('');
}

// ============================================================================================
// Date and time functions
// ============================================================================================

/** l_checktime: an integer time argument. */
function checkTime(L: LuaThread, i: number): bigint {
  return BigInt(checkInteger(L, i));
}

function nowSeconds(): bigint {
  return BigInt(Math.floor(Date.now() / 1000));
}

/** setallfields: store the broken-down time in table t (honouring __newindex). */
function setAllFields(L: LuaThread, t: LuaValue, tm: Tm): void {
  setIndex(L, t, 'year', tm.year);
  setIndex(L, t, 'month', tm.mon + 1);
  setIndex(L, t, 'day', tm.mday);
  setIndex(L, t, 'hour', tm.hour);
  setIndex(L, t, 'min', tm.min);
  setIndex(L, t, 'sec', tm.sec);
  setIndex(L, t, 'yday', tm.yday + 1);
  setIndex(L, t, 'wday', tm.wday + 1);
  setIndex(L, t, 'isdst', tm.isdst);
}

function os_date(L: LuaThread): number {
  const fmt = optString(L, 1, '%c');
  const t = isNoneOrNil(L, 2) ? nowSeconds() : checkTime(L, 2);
  const utc = fmt.startsWith('!');
  const tm = utc ? gmtime(t) : localtime(t);
  if (tm === undefined) luaError(L, 'date result cannot be represented in this installation');
  const from = utc ? 1 : 0;
  const nul = fmt.indexOf('\0', from);
  if ((nul < 0 ? fmt.slice(from) : fmt.slice(from, nul)) === '*t') {
    const table = new LuaTable();
    setAllFields(L, table, tm);
    return ret1(L, table);
  }
  return ret1(L, formatDate(L, fmt, from, tm));
}

/** getfield: an int field of the date table minus `delta`, Lua's checks and messages. */
function getField(L: LuaThread, t: LuaValue, key: string, d: number, delta: number): number {
  const v = index(L, t, key);
  const res = toInteger(v);
  if (res === undefined) {
    if (v !== undefined) luaError(L, `field '${key}' is not an integer`);
    if (d < 0) luaError(L, `field '${key}' missing in date table`);
    return d;
  }
  const r = typeof res === 'bigint' ? res : BigInt(res);
  if (!(r >= 0n ? r - BigInt(delta) <= BigInt(INT_MAX) : BigInt(INT_MIN + delta) <= r)) {
    luaError(L, `field '${key}' is out-of-bound`);
  }
  return Number(r) - delta;
}

function os_time(L: LuaThread): number {
  if (isNoneOrNil(L, 1)) return ret1(L, Number(nowSeconds()));
  const t = checkTable(L, 1);
  // Field order matters for which error comes first: as loslib.c reads them.
  const year = getField(L, t, 'year', -1, 1900);
  const mon = getField(L, t, 'month', -1, 1);
  const mday = getField(L, t, 'day', -1, 0);
  const hour = getField(L, t, 'hour', 12, 0);
  const min = getField(L, t, 'min', 0, 0);
  const sec = getField(L, t, 'sec', 0, 0);
  const dstv = index(L, t, 'isdst');
  const isdst = dstv === undefined ? -1 : dstv === false ? 0 : 1;
  const r = mktime(year + 1900, mon, mday, hour, min, sec, isdst);
  const tm = r === undefined ? undefined : localtime(r);
  if (r === undefined || tm === undefined || tm.year - 1900 > INT_MAX || tm.year - 1900 < INT_MIN) {
    luaError(L, 'time result cannot be represented in this installation');
  }
  setAllFields(L, t, tm);
  if (r === -1n) luaError(L, 'time result cannot be represented in this installation');
  return ret1(L, r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r);
}

function os_difftime(L: LuaThread): number {
  const t1 = checkTime(L, 1);
  const t2 = checkTime(L, 2);
  return ret1(L, mkFloat(Number(t1 - t2)));
}

function os_clock(L: LuaThread): number {
  const sys = L.global.io.system;
  const seconds = sys !== undefined ? sys.clock() : typeof performance !== 'undefined' ? performance.now() / 1000 : 0;
  return ret1(L, mkFloat(seconds));
}

// ============================================================================================
// Environment, files, processes
// ============================================================================================

function os_getenv(L: LuaThread): number {
  const name = checkString(L, 1);
  return ret1(L, L.global.io.system?.getenv(name));
}

function os_remove(L: LuaThread): number {
  const filename = checkString(L, 1);
  const sys = L.global.io.system;
  return fileResult(L, sys === undefined ? ENOSYS : sys.remove(filename), filename);
}

function os_rename(L: LuaThread): number {
  const from = checkString(L, 1);
  const to = checkString(L, 2);
  const sys = L.global.io.system;
  return fileResult(L, sys === undefined ? ENOSYS : sys.rename(from, to));
}

function os_tmpname(L: LuaThread): number {
  const name = L.global.io.system?.tmpname();
  if (name === undefined || isFailure(name)) luaError(L, 'unable to generate a unique filename');
  return ret1(L, name);
}

function os_execute(L: LuaThread): number {
  const cmd = optString(L, 1, undefined);
  const sys = L.global.io.system;
  if (cmd === undefined) return ret1(L, sys?.execute !== undefined);
  // Without a shell, system() returns -1: Lua reports it as an "exit" with that code.
  if (sys?.execute === undefined) return execResult(L, { what: 'exit', code: -1 });
  return execResult(L, sys.execute(cmd));
}

function os_exit(L: LuaThread): number {
  const v = arg(L, 1);
  const status = typeof v === 'boolean' ? (v ? 0 : 1) : Number(optInteger(L, 1, 0));
  const sys = L.global.io.system;
  if (sys === undefined) luaError(L, "'exit' not supported");
  if (truthy(arg(L, 2))) {
    // lua_close: pending finalizers run (closing files) before the process ends.
    try {
      L.global.gc?.closeAll(L);
    } catch {
      // As at a normal exit, errors in finalizers do not stop it.
    }
  }
  flushAllStreams();
  return sys.exit(status);
}

const LOCALE_CATEGORIES = ['all', 'collate', 'ctype', 'monetary', 'numeric', 'time'] as const;

/** setlocale: moonlet has only the "C" locale (which "" and "POSIX" also name). */
function os_setlocale(L: LuaThread): number {
  const locale = optString(L, 1, undefined);
  checkOption(L, 2, 'all', LOCALE_CATEGORIES);
  if (locale === undefined || locale === '' || locale === 'C' || locale === 'POSIX') return ret1(L, 'C');
  return ret1(L, undefined);
}

// ============================================================================================
// Registration
// ============================================================================================

export function openOs(_L: LuaThread): LuaTable {
  return newLib({
    clock: os_clock,
    date: os_date,
    difftime: os_difftime,
    execute: os_execute,
    exit: os_exit,
    getenv: os_getenv,
    remove: os_remove,
    rename: os_rename,
    setlocale: os_setlocale,
    time: os_time,
    tmpname: os_tmpname,
  });
}
