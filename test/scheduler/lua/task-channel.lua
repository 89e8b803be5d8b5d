-- moonlet-only
-- A producer and a consumer through a bounded channel: send waits when it is full, receive
-- when it is empty, and `values` ends when the channel is closed.
local ch = task.channel(2)
local producer = task.spawn(function()
  for i = 1, 5 do
    ch:send(i)
    print("sent", i)
  end
  ch:close()
end)
-- expect: sent	1
-- expect: sent	2
-- The producer filled the channel (2 values) and waits to send the third.
print(producer:status()) -- expect: waiting
for v in ch:values() do
  print("got", v)
end
-- The consumer takes what is buffered without waiting (a receive moves the waiting sender's
-- value into the channel and wakes the sender, which runs when the consumer next waits):
-- expect: got	1
-- expect: got	2
-- expect: got	3
-- expect: sent	3
-- expect: sent	4
-- expect: sent	5
-- expect: got	4
-- expect: got	5
print(ch:receive()) -- expect: nil	closed
