-- fetch-many.lua — fetch many URLs with at most 4 requests in flight, from Lua.
--
-- Run it with `node examples/fetch-many.mjs` (after `npm run build`): the runner starts a
-- local HTTP server on 127.0.0.1 and gives this script two globals, BASE_URL and
-- http_get(url), a host function that returns a promise (Lua code just calls it: only the
-- calling task waits).

local N, LIMIT = 20, 4

local function fetch(i)
  local url = BASE_URL .. "/item/" .. i
  -- task.timeout cancels the request (its AbortSignal fires) if it takes too long.
  local ok, body = task.timeout(2, http_get, url)
  if not ok then error(url .. ": " .. body) end
  return (body:gsub("\n$", ""))
end

local jobs = {}
for i = 1, N do
  jobs[i] = function() return fetch(i) end
end

local results = task.all(jobs, { concurrency = LIMIT })   -- input order, at most LIMIT at once
for i, r in ipairs(results) do
  print(("%2d  %s"):format(i, r[1]))
end

-- The same limit by hand, with a semaphore and task.spawn: here every task starts at once
-- and waits for one of the LIMIT permits (FIFO).
local sem = task.semaphore(LIMIT)
local handles = {}
for i = 1, N do
  handles[i] = task.spawn(function()
    sem:acquire()
    local ok, body = pcall(fetch, N + i)
    sem:release()
    return ok and #body or body
  end)
end
local bytes = 0
for _, h in ipairs(handles) do bytes = bytes + h:await() end
print(("fetched %d more items (%d bytes) through a semaphore of %d"):format(N, bytes, LIMIT))
