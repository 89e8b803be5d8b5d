-- moonlet-only
-- task.wait in the main chunk of a script: the chunk waits, then goes on where it stopped.
local dt = task.wait(0.02)
print(math.type(dt), dt >= 0.02) -- expect: float	true
print(task.wait() >= 0) -- expect: true
-- Still the main thread after waiting.
local _, main = coroutine.running()
print(main) -- expect: true
for i = 1, 3 do task.wait(0.001) end
print("after three waits") -- expect: after three waits
