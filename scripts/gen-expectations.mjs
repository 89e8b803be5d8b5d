#!/usr/bin/env node
// gen-expectations.mjs — write lua5.4's behaviour into .lua test files as inline comments.
//
//   node scripts/gen-expectations.mjs test/vm/closures.lua [more files...]
//
// For each file: strips existing `-- expect:` / `-- expect error:` comments, runs the file
// under the reference interpreter (lua5.4) with `print` and `io.write` instrumented to
// record which top-level statement of the file was running when each output line was
// printed, and writes the outputs back after that statement:
//   print(x)  -- expect: 42
// (further lines of the same statement follow on the same line: `-- expect: 1 -- expect: 2`,
// so that no line is added and line numbers in messages stay the same). Since top-level
// statements run in file order, reading the comments in file order gives the output in order.
// An uncaught error becomes a `-- expect error: <message>` line added at the end. The runner (test/lua-files.test.ts)
// reads them back, so the tests need no lua5.4 at test time. Requires lua5.4 on PATH
// (apt-get install lua5.4) and a build of moonlet (its parser finds the statements).

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
local __mainline = 0
local function __line()
  for level = 3, 200 do
    local info = debug.getinfo(level, "Sl")
    if not info then break end
    if info.source == "@" .. __src and info.what == "main" then
      __mainline = info.currentline
      return __mainline
    end
  end
  return __mainline  -- inside a coroutine: the statement that resumed it
end
local __resume, __wrap = coroutine.resume, coroutine.wrap
coroutine.resume = function(...) __line() return __resume(...) end
coroutine.wrap = function(f)
  local w = __wrap(f)
  return function(...) __line() return w(...) end
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

async function main() {
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
      // The real output comes from an uninstrumented run: if instrumenting changed it (hooks see
      // the wrappers), the attribution is useless and the output goes at the end instead.
      const plain = spawnSync('lua5.4', [basename(abs)], { cwd: dirname(abs), encoding: 'latin1' });
      await writeBack(abs, clean, r.stderr ?? '', plain.stdout ?? '');
      console.log(`${f}: ${r.status === 0 ? 'ok' : 'ends with an error'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** First lines of the chunk's top-level statements, from moonlet's parser. */
async function statementStarts(clean, abs) {
  const { parseChunk } = await import(new URL('../dist/parser/parser.js', import.meta.url).href);
  const chunk = parseChunk(clean, '@' + basename(abs), { skipShebang: true });
  return chunk.main.body.stats.map((s) => s.line);
}

async function writeBack(abs, clean, stderr, plainStdout) {
  const lines = clean.split('\n');
  const starts = await statementStarts(clean, abs);
  // Output of the statement running at line L goes after that statement's last line.
  const lastLineOf = (line) => {
    let i = -1;
    while (i + 1 < starts.length && starts[i + 1] <= line) i++;
    let end = i + 1 < starts.length ? starts[i + 1] - 1 : lines.length;
    while (end > 1 && /^\s*(--.*)?$/.test(lines[end - 1]) && end > (starts[i] ?? 1)) end--;
    return end;
  };
  const perLine = new Map();
  const found = [...stderr.matchAll(/\x01EXPECT\x01(\d+)\x01([\s\S]*?)\x02\n/g)];
  const attributed = found.map((m) => m[2]).join('\n') + (found.length > 0 ? '\n' : '');
  if (attributed === plainStdout) {
    for (const m of found) {
      const line = Number(m[1]) === 0 ? 0 : lastLineOf(Number(m[1]));
      if (!perLine.has(line)) perLine.set(line, []);
      perLine.get(line).push(m[2]);
    }
  } else {
    const texts = plainStdout.replace(/\n$/, '').split('\n');
    if (plainStdout !== '') perLine.set(0, texts);
  }
  const em = /\x01ERROR\x01([\s\S]*?)\x02\n/.exec(stderr);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const texts = perLine.get(i + 1);
    if (!texts) {
      out.push(lines[i]);
      continue;
    }
    out.push(`${lines[i]}  -- expect: ${texts.join(' -- expect: ')}`);
  }
  for (const t of perLine.get(0) ?? []) out.push(`-- expect: ${t}`);
  if (perLine.has(0)) console.warn(`${abs}: output not attributable to a statement was put at the end`);
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  if (em) out.push(`-- expect error: ${em[1]}`);
  writeFileSync(abs, out.join('\n') + '\n', 'latin1');
}

await main();
