// async-everywhere.test.ts — issue 5 item 4: in runAsync/callAsync a host function that returns
// a promise suspends only the calling Lua task, wherever the call is: directly, in pcall and
// xpcall, in every kind of metamethod, in iterators, coroutines, require loaders, table.sort
// comparators and string.gsub replacement functions. Each test awaits a real timer (not an
// already-resolved promise), so the VM truly suspends and resumes.

import { describe, expect, test } from 'vitest';
import { withSleep } from './helpers.js';

describe('awaits in protected calls', () => {
  test('pcall returns the awaited value', async () => {
    const { lua } = withSleep();
    expect(await lua.runAsync('return pcall(sleep, 2, "late")')).toEqual([true, 'late']);
  });

  test('a rejected promise is a Lua error pcall catches', async () => {
    const { lua } = withSleep();
    lua.set('fail', async () => {
      await new Promise((r) => setTimeout(r, 1));
      throw new Error('nope');
    });
    expect(await lua.runAsync('return pcall(fail)')).toEqual([false, 'nope']);
  });

  test('xpcall: an await in the body and in the message handler', async () => {
    const { lua } = withSleep();
    expect(
      await lua.runAsync(`
        local ok1, v1 = xpcall(function() return sleep(1, "body") end, print)
        local ok2, v2 = xpcall(function() error("e", 0) end, function(m) return sleep(1, "handled " .. m) end)
        return ok1, v1, ok2, v2`),
    ).toEqual([true, 'body', false, 'handled e']);
  });
});

describe('awaits in metamethods', () => {
  test('__index and __newindex', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local log = {}
      local t = setmetatable({}, {
        __index = function(_, k) return sleep(1, k .. "!") end,
        __newindex = function(_, k, v) log[#log + 1] = sleep(1, k .. "=" .. v) end,
      })
      t.a = 1
      return t.key, log[1]`);
    expect(r).toEqual(['key!', 'a=1']);
  });

  test('__call', async () => {
    const { lua } = withSleep();
    expect(
      await lua.runAsync('local t = setmetatable({}, {__call = function(_, x) return sleep(1, x * 2) end}) return t(21)'),
    ).toEqual([42]);
  });

  test('arithmetic: binary, reversed operands and unary minus', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local mt = {
        __add = function(a, b) return sleep(1, "add") end,
        __mul = function(a, b) return sleep(1, "mul") end,
        __unm = function(a) return sleep(1, "unm") end,
        __band = function(a, b) return sleep(1, "band") end,
      }
      local a = setmetatable({}, mt)
      return a + 1, 2 * a, -a, a & 1`);
    expect(r).toEqual(['add', 'mul', 'unm', 'band']);
  });

  test('comparison: __lt, __le, and > swapping operands', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local mt = {
        __lt = function(a, b) return sleep(1, a.n < b.n) end,
        __le = function(a, b) return sleep(1, a.n <= b.n) end,
      }
      local one, two = setmetatable({n = 1}, mt), setmetatable({n = 2}, mt)
      return one < two, two <= one, two > one, one >= two`);
    expect(r).toEqual([true, false, true, false]);
  });

  test('__concat, in the middle of a longer concatenation', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local a = setmetatable({}, {__concat = function(x, y)
        return sleep(1, (type(x) == "table" and "A" or x) .. (type(y) == "table" and "A" or y))
      end})
      return a .. "x", "y" .. a, "1" .. "2" .. a .. "3"`);
    expect(r).toEqual(['Ax', 'yA', '12A3']);
  });

  test('__len', async () => {
    const { lua } = withSleep();
    expect(await lua.runAsync('return #setmetatable({}, {__len = function() return sleep(1, 7) end})')).toEqual([7]);
  });

  test('__eq, and ~= negating its awaited answer', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local mt = {__eq = function() return sleep(1, true) end}
      local a, b = setmetatable({}, mt), setmetatable({}, mt)
      return a == b, a ~= b`);
    expect(r).toEqual([true, false]);
  });

  test('__close: the block waits for its handler before going on', async () => {
    const { lua, out } = withSleep();
    const r = await lua.runAsync(`
      do
        local x <close> = setmetatable({}, {__close = function() print(sleep(5, "closing")) end})
        print("in block")
      end
      print("after block")
      return "done"`);
    expect(r).toEqual(['done']);
    expect(out()).toBe('in block\nclosing\nafter block\n');
  });
});

describe('awaits in iterators, coroutines and loaders', () => {
  test('a generic-for iterator function', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local function upto3(_, i) if i < 3 then return sleep(1, i + 1) end end
      local sum = 0
      for i in upto3, nil, 0 do sum = sum + i end
      return sum`);
    expect(r).toEqual([6]);
  });

  test('a __pairs metamethod and the iterator it returns', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local t = setmetatable({}, {__pairs = function()
        local keys = sleep(1, "ab")
        return function(_, i)
          i = i + 1
          if i <= #keys then return i, sleep(0, keys:sub(i, i)) end
        end, nil, 0
      end})
      local out = {}
      for i, k in pairs(t) do out[i] = k end
      return table.concat(out)`);
    expect(r).toEqual(['ab']);
  });

  test('a coroutine.wrap body awaits between its yields', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local gen = coroutine.wrap(function(a)
        local b = coroutine.yield(sleep(1, a + 1))
        return sleep(1, b * 10)
      end)
      return gen(1), gen(5)`);
    expect(r).toEqual([2, 50]);
  });

  test('a chain of resumed coroutines waits as one, and isyieldable keeps Lua answers', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local inner = coroutine.create(function()
        local yieldable = coroutine.isyieldable()
        local v = sleep(2, "deep")
        coroutine.yield(v, yieldable)
        return "inner done"
      end)
      local middle = coroutine.create(function()
        local _, v, y = coroutine.resume(inner)
        local _, last = coroutine.resume(inner)
        return v, y, last, coroutine.isyieldable()
      end)
      local _, v, y, last, middleYieldable = coroutine.resume(middle)
      return v, y, last, middleYieldable, coroutine.isyieldable(), coroutine.status(inner)`);
    expect(r).toEqual(['deep', true, 'inner done', true, false, 'dead']);
  });

  test('only the awaiting chain waits: a coroutine another Lua task resumes is not blocked', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local order = {}
      local slow = task.spawn(function() local v = sleep(20, "slow") order[#order + 1] = v end)
      local fast = task.spawn(function() local v = sleep(1, "fast") order[#order + 1] = v end)
      slow:await() fast:await()
      return table.concat(order, ",")`);
    expect(r).toEqual(['fast,slow']);
  });

  test('require: a preload loader and a custom searcher await', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      package.preload.config = function(name) return { name = sleep(1, name) } end
      table.insert(package.searchers, 2, function(name)
        if name ~= "remote" then return nil end
        local source = sleep(1, "return 'remote module'")
        return load(source), ":remote"
      end)
      return require("config").name, (require("remote"))`);
    expect(r).toEqual(['config', 'remote module']);
  });

  test('load with a reader function that awaits', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local parts, i = {"return ", "40 + ", "2"}, 0
      return load(function() i = i + 1 return parts[i] and sleep(0, parts[i]) end)()`);
    expect(r).toEqual([42]);
  });
});

describe('awaits where Lua itself could not yield', () => {
  test('a table.sort comparator', async () => {
    const { lua } = withSleep();
    const r = await lua.runAsync(`
      local a = {5, 3, 1, 4, 2, 9, 7}
      table.sort(a, function(x, y) return sleep(0, x > y) end)
      return table.concat(a, ",")`);
    expect(r).toEqual(['9,7,5,4,3,2,1']);
  });

  test('a string.gsub replacement function', async () => {
    const { lua } = withSleep();
    expect(
      await lua.runAsync('return string.gsub("a b c", "%a", function(c) return sleep(0, c:upper()) end)'),
    ).toEqual(['A B C', 3]);
  });
});

describe('how awaits behave', () => {
  test('a fulfilled LuaMultiple becomes several results, undefined none', async () => {
    const { lua } = withSleep();
    lua.set('pair', async () => lua.multi('a', 'b'));
    lua.set('nothing', async () => undefined);
    expect(await lua.runAsync('return select("#", nothing()), pair()')).toEqual([0, 'a', 'b']);
  });

  test('callAsync on a loaded function, and a host function calling back into Lua', async () => {
    const { lua } = withSleep();
    lua.set('twice', async (fn: { callAsync: (...a: unknown[]) => Promise<unknown[]> }, x: number) => {
      const [a] = await fn.callAsync(x);
      const [b] = await fn.callAsync(a);
      return b;
    });
    const f = lua.load('return twice(function(v) return sleep(1, v * 3) end, ...)');
    expect(await f.callAsync(2)).toEqual([18]);
  });

  test('a synchronous run meeting a promise raises a LuaError naming the function', () => {
    const { lua } = withSleep();
    lua.set('fetchThing', () => Promise.resolve(1));
    expect(() => lua.run('fetchThing()')).toThrow(
      "host function 'fetchThing' returned a promise in a synchronous run; use runAsync or callAsync to await it",
    );
    const add = lua.load('return sleep(1)');
    expect(() => add.call()).toThrow(/'sleep' returned a promise in a synchronous run; use runAsync/);
  });
});
