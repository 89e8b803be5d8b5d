print("hello", 1, 2.5, 10//3, 7 % 3, 2^10, 1/0, -0.0)  -- expect: hello	1	2.5	3	1	1024.0	inf	-0.0
local function fib(n) if n < 2 then return n end return fib(n-1) + fib(n-2) end
print(fib(20))  -- expect: 6765
local t = {1,2,3,x=5}
print(#t, t.x, t[2])  -- expect: 3	5	2
for k, v in pairs({a=1}) do print(k, v) end  -- expect: a	1
print(pcall(error, "boom"))  -- expect: false	boom
print(select('#', 1, 2, 3))  -- expect: 3
local co = coroutine.create(function(a, b) local c = coroutine.yield(a+b) ; print("got", c); return "done" end)
print(coroutine.resume(co, 1, 2))  -- expect: true	3
print(coroutine.resume(co, "x"))  -- expect: got	x -- expect: true	done
print(coroutine.resume(co))  -- expect: false	cannot resume dead coroutine
