-- moonlet-only
-- A main chunk waiting for something nothing can give (a receive on a channel no task will
-- ever send to) ends with an error once nothing is left on the event loop.
local ch = task.channel()
print("waiting for a value") -- expect: waiting for a value
print(ch:receive())
-- expect error: deadlock: every task waits and nothing is left to wake one
