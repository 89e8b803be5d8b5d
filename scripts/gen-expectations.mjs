#!/usr/bin/env node
// gen-expectations.mjs — write lua5.4's behaviour into .lua test files as inline comments.
//
//   node scripts/gen-expectations.mjs test/vm/closures.lua [more files...]
//
// For each file: strips existing `-- expect:` / `-- expect error:` comments, runs the file
// under the reference interpreter (lua5.4) with `print` and `io.write` instrumented to
// record which source line produced each output line, and writes the outputs back as
//   print(x)  -- expect: 42
// on the line that printed them (further lines of the same statement follow on their own
// `-- expect:` lines). An uncaught error becomes a final `-- expect error: <message>` line.
// The runner (test/lua-files.test.ts) reads the expectations back in file order, so the
// tests need no lua5.4 at test time. Requires lua5.4 on PATH (apt-get install lua5.4).

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename, resolve } from 'node:path';

const EXPECT_RE = /[ \t]*-- expect( error)?:.*$/;

/** Remove generated comments: whole comment lines and trailing comments. */
export function stripExpectations(src) {
  const out = [];
  for (const line of src.split('\n')) {
    if (/^[ \t]*-- expect( error)?:/.test(line)) continue;
    out.push(line.replace(EXPECT_RE, ''));
  }
  return out.join('\n');
}

// The instrumentation: every printed line is reported on stderr as "<line>\t<text>" with a
// marker, so stdout can stay exactly what the program printed.
const PRELUDE = String.raw`
local __out, __src = io.stderr, ...
local __write = io.write
local __pending, __pline = "", 0
local function __emit(line, s)
  __pending = __pending .. s
  if __pline == 0 then __pline = line end
  while true do
    local nl = __pending:find("\n", 1, true)
    if not nl then break end
    __out:write("\1EXPECT\1", __pline, "\1", __pending:sub(1, nl - 1), "\2\n")
    __pending = __pending:sub(nl + 1)
    __pline = (#__pending > 0) and line or 0
  end
end
local function __line()
  for level = 3, 50 do
    local info = debug.getinfo(level, "Sl")
    if not info then break end
    if info.source == "@" .. __src then return info.currentline end
  end
  return 0
end
print = function(...)
  local n = select("#", ...)
  local parts = {}
  for i = 1, n do parts[i] = tostring((select(i, ...))) end
  __emit(__line(), table.concat(parts, "\t") .. "\n")
end
io.write = function(...)
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    __emit(__line(), type(v) == "number" and (math.type(v) == "integer" and string.format("%d", v) or string.format("%.14g", v)) or v)
  end
  return io.stdout
end
local __f = assert(loadfile(__src))
local ok, err = xpcall(__f, function(m) return m end)
if __pending ~= "" then __emit(__pline, "\n") end
if not ok then
  __out:write("\1ERROR\1", (tostring(err):gsub("\n", "\\n")), "\2\n")
  os.exit(1)
end
`;

function main() {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error('usage: node scripts/gen-expectations.mjs file.lua ...');
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'moonlet-expect-'));
  const prelude = join(dir, 'prelude.lua');
  writeFileSync(prelude, PRELUDE);
  try {
    for (const f of files) {
      const abs = resolve(f);
      const clean = stripExpectations(readFileSync(abs, 'latin1'));
      writeFileSync(abs, clean, 'latin1');
      const r = spawnSync('lua5.4', [prelude, basename(abs)], { cwd: dirname(abs), encoding: 'latin1' });
      if (r.error) throw r.error;
      writeBack(abs, clean, r.stderr ?? '');
      console.log(`${f}: ${r.status === 0 ? 'ok' : 'ends with an error'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeBack(abs, clean, stderr) {
  const lines = clean.split('\n');
  const perLine = new Map();
  for (const m of stderr.matchAll(/\x01EXPECT\x01(\d+)\x01([\s\S]*?)\x02\n/g)) {
    const line = Number(m[1]);
    if (!perLine.has(line)) perLine.set(line, []);
    perLine.get(line).push(m[2]);
  }
  const em = /\x01ERROR\x01([\s\S]*?)\x02\n/.exec(stderr);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const texts = perLine.get(i + 1);
    if (!texts) {
      out.push(lines[i]);
      continue;
    }
    out.push(`${lines[i]}  -- expect: ${texts[0]}`);
    const indent = /^[ \t]*/.exec(lines[i])[0];
    for (const t of texts.slice(1)) out.push(`${indent}-- expect: ${t}`);
  }
  for (const t of perLine.get(0) ?? []) out.push(`-- expect: ${t}`);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  if (em) out.push(`-- expect error: ${em[1]}`);
  writeFileSync(abs, out.join('\n') + '\n', 'latin1');
}

main();
