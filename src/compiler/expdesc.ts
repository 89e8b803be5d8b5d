// expdesc.ts — expression descriptors: what the code generator knows about an expression that
// has been compiled only as far as necessary (a constant not yet in a register, a variable not
// yet read, a test whose jump is still open, a call whose result count is not fixed yet).
//
// Lua delays code emission until the context is known (`x = t.a` stores straight from
// GETFIELD's register, `if a < b` keeps the comparison as a jump), and moonlet must generate
// the same instructions as PUC Lua, so it keeps the same descriptor kinds with the same
// transitions. The descriptor is a mutable record because lcode.c's algorithms rewrite it in
// place at every step (VLOCAL → VNONRELOC → …); which fields are meaningful depends on `k`:
//
//   VVOID       empty expression list / no value
//   VNIL VTRUE VFALSE
//   VK          `info` = index in the constant table
//   VKFLT       `nval` = float value
//   VKINT       `ival` = integer value (number when safe, bigint otherwise)
//   VKSTR       `strval` = string value
//   VNONRELOC   `info` = register holding the value
//   VLOCAL      `ridx` = register, `vidx` = index among the function's active variables
//   VUPVAL      `info` = upvalue index
//   VCONST      `info` = absolute index in the compile state's active-variable list
//   VINDEXED    `indT` = table register, `indIdx` = key register
//   VINDEXUP    `indT` = table upvalue, `indIdx` = key constant (short string)
//   VINDEXI     `indT` = table register, `indIdx` = integer key
//   VINDEXSTR   `indT` = table register, `indIdx` = key constant (short string)
//   VJMP        `info` = pc of the jump that follows the test
//   VRELOC      `info` = pc of the instruction whose A register is still to be set
//   VCALL       `info` = pc of the CALL instruction
//   VVARARG     `info` = pc of the VARARG instruction
//
// `t` and `f` are the "exit when true" and "exit when false" jump lists (NO_JUMP when empty).
// The order of the kinds matters: `isVar` and `isIndexed` test ranges, as lparser.h does.
// Cf. lparser.h (expkind, expdesc).

export const enum ExpKind {
  VVOID,
  VNIL,
  VTRUE,
  VFALSE,
  VK,
  VKFLT,
  VKINT,
  VKSTR,
  VNONRELOC,
  VLOCAL,
  VUPVAL,
  VCONST,
  VINDEXED,
  VINDEXUP,
  VINDEXI,
  VINDEXSTR,
  VJMP,
  VRELOC,
  VCALL,
  VVARARG,
}

/** End of a jump list / an empty jump list. */
export const NO_JUMP = -1;

export class ExpDesc {
  k: ExpKind = ExpKind.VVOID;
  info = 0;
  ival: number | bigint = 0;
  nval = 0;
  strval = '';
  indT = 0;
  indIdx = 0;
  ridx = 0;
  vidx = 0;
  t = NO_JUMP;
  f = NO_JUMP;

  /** Resets to kind `k` with `info` and empty jump lists (init_exp). */
  init(k: ExpKind, info: number): this {
    this.k = k;
    this.info = info;
    this.t = NO_JUMP;
    this.f = NO_JUMP;
    return this;
  }

  initString(s: string): this {
    this.init(ExpKind.VKSTR, 0);
    this.strval = s;
    return this;
  }

  copyFrom(o: ExpDesc): void {
    this.k = o.k;
    this.info = o.info;
    this.ival = o.ival;
    this.nval = o.nval;
    this.strval = o.strval;
    this.indT = o.indT;
    this.indIdx = o.indIdx;
    this.ridx = o.ridx;
    this.vidx = o.vidx;
    this.t = o.t;
    this.f = o.f;
  }

  clone(): ExpDesc {
    const e = new ExpDesc();
    e.copyFrom(this);
    return e;
  }

  hasJumps(): boolean {
    return this.t !== this.f;
  }

  /** A multi-result expression (call or `...`). */
  hasMultRet(): boolean {
    return this.k === ExpKind.VCALL || this.k === ExpKind.VVARARG;
  }
}

/** Swaps two descriptors in place (swapexps). */
export function swapExps(a: ExpDesc, b: ExpDesc): void {
  SWAP_TMP.copyFrom(a);
  a.copyFrom(b);
  b.copyFrom(SWAP_TMP);
}

const SWAP_TMP = new ExpDesc();

/** Is the descriptor an assignable variable? */
export function isVar(k: ExpKind): boolean {
  return ExpKind.VLOCAL <= k && k <= ExpKind.VINDEXSTR;
}

/** Is the descriptor a table access? */
export function isIndexed(k: ExpKind): boolean {
  return ExpKind.VINDEXED <= k && k <= ExpKind.VINDEXSTR;
}
